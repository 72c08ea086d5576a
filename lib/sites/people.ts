import type { PagePerson } from '../schema/page-context';
import { clean } from './dom';

export type PersonInput = Partial<PagePerson> & Pick<PagePerson, 'role'>;

/**
 * A person as a recognizer found them: text cleaned, the address lower-cased. Lengths are bounded once, for the
 * whole context, by bound() (dom.ts): an address too long to be whole is dropped there, not cut here.
 */
export function person(p: PersonInput): PersonInput {
  return {
    role: p.role,
    email: clean(p.email?.toLowerCase()),
    name: clean(p.name),
    linkedinUrl: clean(p.linkedinUrl),
    company: clean(p.company),
    title: clean(p.title),
    location: clean(p.location),
  };
}

/**
 * One entry per (role, address or name), keeping the position of its last appearance: in a thread, the last
 * `from` entry is the sender of the latest message. The signed-in user is dropped: never a customer.
 */
export function tidyPeople(people: PersonInput[], self: string | null): PersonInput[] {
  const seen = new Map<string, PersonInput>();
  for (const p of people) {
    if (!p.email && !p.name) continue;
    if (self && p.email === self) continue;
    const key = `${p.role}|${p.email ?? `name:${p.name}`}`;
    const prev = seen.get(key);
    seen.delete(key);
    seen.set(key, prev ? { ...p, name: p.name ?? prev.name } : p);
  }
  return [...seen.values()].slice(0, 200);
}
