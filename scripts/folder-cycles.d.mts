export type FolderGraph = Map<string, Map<string, string[]>>;
export function importsOf(source: string): string[];
export function folderOf(libDir: string, file: string): string | null;
export function folderGraph(root: string, options?: { read?: (file: string) => string; files?: string[] }): FolderGraph;
export function cyclesOf(graph: FolderGraph): string[][];
export function explain(graph: FolderGraph, cycle: string[]): string;
