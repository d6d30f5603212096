import { batch, createEffect, createSignal, createUniqueId, For, type JSX, on, onCleanup, Show } from 'solid-js';
import { SEARCH_DELAY_MS } from '../lib/debounced-search';

/** One choice of a combobox: `label` is what the input shows once it is chosen. */
export interface ComboboxOption {
  label: string;
  /** A word shown before the label (an object's kind); it is part of the option's accessible name. */
  kind?: string;
  title?: string;
}

/** What one search found: the options to show, and how many more the server holds for the same text. */
export interface ComboboxMatches<Option extends ComboboxOption> {
  options: Option[];
  more: number;
}

/** How many options one search shows: the rest are found by typing more, never loaded. */
export const PICKER_PAGE = 20;

export interface ComboboxProps<Option extends ComboboxOption> {
  /** The accessible name of the input. */
  label: string;
  /** Show `label` as a visible <label> before the input (otherwise it is the input's aria-label). */
  showLabel?: boolean;
  /** What the input shows for the current value ('' for none). */
  text: string;
  /** Asks the server for the options matching the typed text ('' for the first ones). */
  search: (text: string) => Promise<ComboboxMatches<Option>>;
  onSelect: (option: Option) => void;
  /** What the options are, for the list's name and its messages: "role", "object". */
  noun: string;
  placeholder?: string;
  disabled?: boolean;
  title?: string;
  ref?: (input: HTMLInputElement) => void;
}

/**
 * An editable combobox with a list popup (WAI-ARIA combobox pattern): typing asks `search` for matches after a short
 * pause, and only the answer to the latest text is shown. ArrowDown / ArrowUp move through the options, Enter chooses
 * (the active option, else the one whose label is the typed text), Escape closes the list (then restores the text),
 * a click chooses. The list only ever holds what one search returned.
 */
export function Combobox<Option extends ComboboxOption>(props: ComboboxProps<Option>): JSX.Element {
  const id = createUniqueId();
  const listId = `combobox-${id}-list`;
  const optionId = (index: number) => `combobox-${id}-option-${index}`;
  const [text, setText] = createSignal(props.text);
  const [open, setOpen] = createSignal(false);
  const [matches, setMatches] = createSignal<ComboboxMatches<Option> | null>(null);
  const [active, setActive] = createSignal(-1);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const options = () => matches()?.options ?? [];
  const edited = () => text() !== props.text;
  createEffect(
    on(
      () => props.text,
      (value) => setText(value),
      { defer: true },
    ),
  );

  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const forget = () => {
    clearTimeout(timer);
    asked += 1;
  };
  onCleanup(forget);
  const search = (value: string) => {
    forget();
    const ticket = asked;
    setBusy(true);
    timer = setTimeout(() => {
      props.search(value).then(
        (found) => {
          if (ticket !== asked) return;
          batch(() => {
            setMatches(found);
            setActive(-1);
            setFailure(null);
            setBusy(false);
          });
        },
        (error: unknown) => {
          if (ticket !== asked) return;
          batch(() => {
            setFailure(error instanceof Error ? error.message : String(error));
            setBusy(false);
          });
        },
      );
    }, SEARCH_DELAY_MS);
  };

  const show = () => {
    if (open()) return;
    setOpen(true);
    search(edited() ? text() : '');
  };
  const close = () => {
    forget();
    batch(() => {
      setOpen(false);
      setMatches(null);
      setActive(-1);
      setBusy(false);
      setFailure(null);
    });
  };
  const restore = () => setText(props.text);
  const choose = (option: Option) => {
    close();
    props.onSelect(option);
    // The value may stay what it was (a picker that adds, then empties): show it again either way.
    restore();
  };
  /** The option the text names: exactly (role names are case-sensitive: "Alice" and "alice" are two roles), else in any case. */
  const typed = () => {
    const wanted = text().trim();
    return (
      options().find((option) => option.label === wanted) ??
      options().find((option) => option.label.toLowerCase() === wanted.toLowerCase())
    );
  };
  const move = (step: number) => {
    if (!open()) return show();
    const count = options().length;
    if (count === 0) return;
    setActive((index) => (index < 0 ? (step > 0 ? 0 : count - 1) : (index + step + count) % count));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      if (!open()) return;
      event.preventDefault();
      const option = options()[active()] ?? typed();
      if (option) choose(option);
    } else if (event.key === 'Escape') {
      // The first Escape belongs to the combobox, not to the dialog around it.
      if (!open() && !edited()) return;
      event.preventDefault();
      event.stopPropagation();
      if (open()) close();
      else restore();
    } else if (event.key === 'Tab') {
      close();
    }
  };

  createEffect(() => {
    const index = active();
    if (index >= 0) document.getElementById(optionId(index))?.scrollIntoView?.({ block: 'nearest' });
  });

  const note = () => {
    if (failure()) return failure();
    if (busy() && !matches()) return 'Searching…';
    if (matches() && options().length === 0) return `No ${props.noun} matches${text() ? ` “${text()}”` : ''}.`;
    const more = matches()?.more ?? 0;
    return more > 0 ? `${more} more — keep typing` : '';
  };

  return (
    <span class="combobox" title={props.title}>
      <Show when={props.showLabel}>
        <label for={`combobox-${id}`}>{props.label}</label>{' '}
      </Show>
      <span class="combobox-field">
        <input
          ref={(input) => {
            // Not delegated (onKeyDown would be, to the document): its Escape must stop before the dialog's listener.
            input.addEventListener('keydown', onKeyDown);
            props.ref?.(input);
          }}
          id={`combobox-${id}`}
          type="text"
          role="combobox"
          aria-label={props.showLabel ? undefined : props.label}
          aria-autocomplete="list"
          aria-expanded={open()}
          aria-controls={listId}
          aria-activedescendant={active() >= 0 ? optionId(active()) : undefined}
          aria-busy={busy()}
          autocomplete="off"
          spellcheck={false}
          placeholder={props.placeholder}
          disabled={props.disabled}
          value={text()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            // What was highlighted belongs to the previous search: Enter now means the text typed.
            setActive(-1);
            setOpen(true);
            search(event.currentTarget.value);
          }}
          onClick={show}
          onBlur={() => {
            close();
            restore();
          }}
        />
        <div class="combobox-popup" hidden={!open()}>
          <div
            role="listbox"
            id={listId}
            aria-label={`Matching ${props.noun}s`}
            // Keeps the focus in the input, so choosing with the mouse is not a blur first.
            onMouseDown={(event) => event.preventDefault()}
          >
            <For each={options()}>
              {(option, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the input's; it points here with aria-activedescendant.
                <div
                  role="option"
                  tabIndex={-1}
                  id={optionId(index())}
                  aria-selected={index() === active()}
                  classList={{ active: index() === active() }}
                  title={option.title}
                  onMouseMove={() => setActive(index())}
                  onClick={() => choose(option)}
                >
                  <Show when={option.kind}>
                    <span class="combobox-kind">{option.kind}</span>{' '}
                  </Show>
                  {option.label}
                </div>
              )}
            </For>
          </div>
          <Show when={note()}>
            <p class={failure() ? 'error combobox-note' : 'muted combobox-note'} aria-live="polite">
              {note()}
            </p>
          </Show>
        </div>
      </span>
    </span>
  );
}
