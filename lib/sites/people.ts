import type { PagePerson } from '../schema/page-context';
import { cap } from './dom';

export type PersonInput = Partial<PagePerson> & Pick<PagePerson, 'role'>;

export function person(p: PersonInput): PersonInput {
  return {
    role: p.role,
    email: p.email ? cap(p.email.toLowerCase(), 254) : null,
    name: cap(p.name, 300),
    linkedinUrl: cap(p.linkedinUrl, 500),
    company: cap(p.company, 300),
    title: cap(p.title, 500),
    location: cap(p.location, 300),
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
