/**
 * The loyalty tier merge field comes from the loyalty programme, which plugs its lookup in here
 * (`setLoyaltyTierProvider`, called at start-up by the programme's module). Until one exists every tier is null:
 * templates show their fallback, or the preview warns that the field is empty.
 */
export interface LoyaltyRef {
  accountId: string | null;
  contactId: string | null;
}
export type LoyaltyTierProvider = (ref: LoyaltyRef) => Promise<string | null>;

const NONE: LoyaltyTierProvider = async () => null;
let provider: LoyaltyTierProvider = NONE;

export function setLoyaltyTierProvider(p: LoyaltyTierProvider | null): void {
  provider = p ?? NONE;
}

/** The tier's display name (in the user's words, e.g. "Gold"), or null. A failing provider never blocks a message. */
export async function loyaltyTierOf(ref: LoyaltyRef): Promise<string | null> {
  try {
    return (await provider(ref)) ?? null;
  } catch {
    return null;
  }
}
