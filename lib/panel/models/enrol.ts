/**
 * A contact's sequences on their 360° view: the enrolments with their state, "Enrol in a sequence" (refused with
 * the reason when the contact may not be written to, is already enrolled or their account churned), and Stop.
 */
import { computed, signal } from '@preact/signals';
import type { Lang } from '../../i18n';
import type { EnrolRefusal } from '../../lifecycle/sequences';
import { liveSignal } from '../live';
import { enrollableSequences, enrolmentsOfContact } from '../queries/sequences';
import { EnrolRefusedError, enrolContact, stopEnrolment } from '../commands/sequences';
import { failureReason } from '../failure';

export interface EnrolDeps {
  contactId: string;
  lang: () => Lang;
  now?: () => Date;
}

export function createEnrolModel(deps: EnrolDeps) {
  const now = () => deps.now?.() ?? new Date();
  const enrolments = liveSignal(
    () => null,
    () => enrolmentsOfContact(deps.contactId),
  );
  const sequences = liveSignal(
    () => null,
    () => enrollableSequences(),
  );
  const chosen = signal<string | null>(null);
  const refusal = signal<EnrolRefusal | 'not_found' | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const confirmStop = signal<string | null>(null);

  const choice = computed(() => {
    const list = sequences.value.value ?? [];
    return list.find((s) => s.id === chosen.value)?.id ?? list[0]?.id ?? null;
  });

  async function enrol(): Promise<boolean> {
    const id = choice.value;
    if (!id) return false;
    busy.value = true;
    refusal.value = null;
    error.value = null;
    try {
      await enrolContact(id, deps.contactId, now(), deps.lang());
      return true;
    } catch (e) {
      if (e instanceof EnrolRefusedError) refusal.value = e.reason;
      else error.value = failureReason(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function stop(enrolmentId: string) {
    confirmStop.value = null;
    await stopEnrolment(enrolmentId, 'manual', null, now());
  }

  return {
    enrolments: enrolments.value,
    sequences: sequences.value,
    choice,
    refusal,
    error,
    busy,
    confirmStop,
    choose: (id: string) => {
      chosen.value = id;
      refusal.value = null;
    },
    enrol,
    askStop: (id: string | null) => (confirmStop.value = id),
    stop,
    dispose() {
      enrolments.dispose();
      sequences.dispose();
    },
  };
}

export type EnrolModel = ReturnType<typeof createEnrolModel>;
