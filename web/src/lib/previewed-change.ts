import { createSignal } from 'solid-js';
import type { ChangeNoteView } from './note-text';

/** What a permission mutation returned: its SQL, PostgreSQL's warnings, notes to word, and a preview's token. */
export interface Change {
  sql: string[];
  warnings: string[];
  notes: ChangeNoteView[];
  /** From a preview: applying with it refuses if the catalog changed since. */
  previewToken?: string | null;
}

/** A preview, or an apply — of exactly what was previewed, when it was (the server refuses if the catalog moved). */
export interface RunMode {
  dryRun: boolean;
  previewToken: string | null;
}

/**
 * A change that is previewed (dry run) before it is applied: Apply runs only the input that was previewed. After a
 * failure the catalog is read again (`reread`) so the controls show what is true, and `onFailure` resets drafts to it.
 */
export function createPreviewedChange<Input>(options: {
  run: (input: Input, mode: RunMode) => Promise<Change>;
  reread: () => Promise<unknown>;
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
        setPreview({ key: keyOf(input), change: await options.run(input, { dryRun: true, previewToken: null }) });
      }),
    apply: async (input: Input) => {
      const applied = await attempt(async () => {
        const previewed = preview();
        const previewToken = previewed?.key === keyOf(input) ? (previewed.change.previewToken ?? null) : null;
        const change = await options.run(input, { dryRun: false, previewToken });
        setPreview(null);
        options.onApplied?.(change);
      });
      await options.reread();
      if (!applied) {
        setPreview(null);
        options.onFailure?.();
      }
      return applied;
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
    previewToken: field.previewToken ?? null,
  };
}
