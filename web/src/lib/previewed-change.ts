import { createSignal } from 'solid-js';
import type { ImpactPreviewFieldsFragment } from '../gql/graphql';
import type { ChangeNoteView } from './note-text';

/** What a permission mutation returned: its SQL, PostgreSQL's warnings, notes to word, its impact, a preview's token. */
export interface Change {
  sql: string[];
  warnings: string[];
  notes: ChangeNoteView[];
  /** Who gains and who loses access (null where the server could not work it out). */
  impact?: ImpactPreviewFieldsFragment | null;
  /** From a preview: applying with it refuses if the catalog changed since. */
  previewToken?: string | null;
}

/** A preview, or an apply — of exactly what was previewed, when it was (the server refuses if the catalog moved). */
export interface RunMode {
  dryRun: boolean;
  previewToken: string | null;
}

/**
 * A change that is previewed (dry run) before it is applied: Apply runs only the input that was previewed. After an
 * apply the catalog is read again (`reread`): then `onApplied` starts the form again from what is true, or after a
 * failure `onFailure` resets drafts to it. `onPreviewed` sees each preview with the input it was made for.
 */
export function createPreviewedChange<Input>(options: {
  run: (input: Input, mode: RunMode) => Promise<Change>;
  reread: () => Promise<unknown>;
  onPreviewed?: (change: Change, input: Input) => void;
  onApplied?: (change: Change) => void;
  onFailure?: () => void;
}) {
  const [preview, setPreview] = createSignal<{ key: string; change: Change } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const keyOf = (input: Input) => JSON.stringify(input);

  const attempt = async (work: () => Promise<void>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    preview: () => preview()?.change ?? null,
    error,
    busy,
    /** The preview shown is of exactly this input. */
    previewed: (input: Input) => preview()?.key === keyOf(input),
    clear: () => {
      setPreview(null);
      setError(null);
    },
    runPreview: (input: Input) =>
      attempt(async () => {
        setPreview(null);
        const change = await options.run(input, { dryRun: true, previewToken: null });
        setPreview({ key: keyOf(input), change });
        options.onPreviewed?.(change, input);
      }),
    apply: async (input: Input) => {
      const outcome: { applied: Change | null } = { applied: null };
      await attempt(async () => {
        const previewed = preview();
        const previewToken = previewed?.key === keyOf(input) ? (previewed.change.previewToken ?? null) : null;
        outcome.applied = await options.run(input, { dryRun: false, previewToken });
      });
      setPreview(null);
      await options.reread();
      if (outcome.applied) options.onApplied?.(outcome.applied);
      else options.onFailure?.();
      return outcome.applied !== null;
    },
  };
}

/** The change a permission mutation returned (mutate has already thrown its typed error, if any). */
export function changeOf(result: Record<string, unknown>): Change {
  const field = Object.values(result)[0] as Partial<Change>;
  return {
    sql: field.sql ?? [],
    warnings: field.warnings ?? [],
    notes: field.notes ?? [],
    impact: field.impact ?? null,
    previewToken: field.previewToken ?? null,
  };
}
