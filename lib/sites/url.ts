/** Parses a URL without throwing: predicates and recognizers get whatever the page reports. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
