/**
 * One feature's strings in both languages. The French object must have exactly the English keys, so a
 * missing translation is a compile error.
 */
export function defineMessages<const E extends Record<string, string>>(en: E, fr: { [K in keyof E]: string }) {
  return { en, fr } as { en: { [K in keyof E]: string }; fr: { [K in keyof E]: string } };
}
