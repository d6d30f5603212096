import { batch, createSignal, type JSX } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { createPreviewedChange } from '../../../lib/previewed-change';
import { AlterRole, changeOf, mutate } from './operations';

/** What ALTER ROLE … VALID UNTIL is asked to set: 'infinity', or a time. */
type Expiry = { validUntilInfinity: true } | { validUntil: string };

/** A day from a date input, as the start of that day in UTC (the time PostgreSQL is given, to the millisecond). */
const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`).toISOString();

/**
 * ALTER ROLE … VALID UNTIL: 'infinity' (the password never expires) or a day, previewed first. PostgreSQL keeps a VALID
 * UNTIL once set (there is no ALTER ROLE to remove it): 'infinity' is how an expiry is taken away.
 */
export function ValidUntilForm(props: {
  databaseId: string;
  role: string;
  /** Why the viewer's role may not change it (RoleCapabilities.lockedAttributes), or null. */
  lock: string | null;
  reread: () => Promise<unknown>;
}): JSX.Element {
  const [never, setNever] = createSignal(true);
  const [day, setDay] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const input = (): Expiry | null => {
    if (never()) return { validUntilInfinity: true };
    return day() ? { validUntil: startOfDay(day()) } : null;
  };
  const change = createPreviewedChange<Expiry>({
    run: async (attributes, mode) =>
      changeOf(await mutate(AlterRole, { databaseId: props.databaseId, name: props.role, attributes, ...mode })),
    reread: props.reread,
    onApplied: () => setDone('VALID UNTIL set.'),
  });
  const current = () => {
    const asked = input();
    return asked && change.previewed(asked) ? change.preview() : null;
  };
  const edit = (update: () => void) =>
    batch(() => {
      update();
      change.clear();
      setDone(null);
    });
  const preview = () => {
    const asked = input();
    if (asked) void change.runPreview(asked);
  };

  return (
    <form
      class="inline-form"
      aria-label={`VALID UNTIL of ${props.role}`}
      onSubmit={(event) => {
        event.preventDefault();
        preview();
      }}
    >
      <fieldset disabled={props.lock !== null} title={props.lock ?? undefined}>
        <label class="chip">
          <input type="radio" name="expiry" checked={never()} onChange={() => edit(() => setNever(true))} /> never
          expires (infinity)
        </label>
        <label class="chip">
          <input type="radio" name="expiry" checked={!never()} onChange={() => edit(() => setNever(false))} /> expires
          at the start of (UTC)
        </label>
        <input
          type="date"
          aria-label="Expiry day"
          required={!never()}
          value={day()}
          onInput={(event) => {
            const next = event.currentTarget.value;
            edit(() => {
              setNever(false);
              setDay(next);
            });
          }}
        />
        <button type="submit" disabled={input() === null || change.busy()}>
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          disabled={!current() || change.busy()}
          title={current() ? undefined : 'Preview the SQL first.'}
          onClick={() => {
            const asked = input();
            if (asked) void change.apply(asked);
          }}
        >
          Set VALID UNTIL
        </button>
      </fieldset>
      <p class="muted">
        {props.lock ?? "PostgreSQL cannot remove a VALID UNTIL once set: 'infinity' is how an expiry is taken away."}
      </p>
      <ChangeOutcome preview={current()} done={done()} error={change.error()} />
    </form>
  );
}
