/**
 * Who a person is, as text: addresses and e-mails, their domains (webmail never names a company), LinkedIn URLs
 * and name words. A leaf: imports nothing else of lib/, so recognizers (in content scripts) and matching (in the
 * background) share it. Content scripts import the file they need, not this index (domain.ts carries ~250 kB).
 */
export * from './address';
export * from './email';
export * from './domain';
export * from './linkedin';
export * from './name';
