import { createVirtualizer } from '@tanstack/solid-virtual';
import { createEffect, createSignal, For, type JSX, on, onCleanup, onMount, Show } from 'solid-js';

/** What a parent can ask of a VirtualRows once mounted (see `ref`). */
export interface VirtualRowsHandle {
  /** Scrolls the box so item `index` is in view (no scroll when it already is). */
  scrollToIndex: (index: number) => void;
}

export interface VirtualRowsProps<T> {
  /** Every item of the list; only those in view (and `overscan` around them) are rendered. */
  each: readonly T[];
  /** One item's rows: a `<tr>`, or several (a row and the editor it expanded); they share the item's `<tbody>`. */
  children: (item: T, index: () => number) => JSX.Element;
  /** The header rows (the `<tr>` of `<th>`s), kept visible at the top of the box. */
  head?: JSX.Element;
  /** Accessible name of the table. */
  label: string;
  /** Class of the `<table>`. */
  class?: string;
  /** Shown (as a row) when `each` is empty. */
  fallback?: JSX.Element;
  /** A stable key per item, so measured heights follow items rather than positions when the list changes. */
  key?: (item: T) => string;
  /** Estimated height of one item in px before it is measured (default 37). */
  estimateSize?: number;
  /** Items rendered beyond each edge of the view (default 10). */
  overscan?: number;
  /** Maximum height of the scroll box (CSS, default 70vh): the page never grows with the list. */
  maxHeight?: string;
  /** Called when the view reaches within `overscan` items of the end (again as items are added): load the next page. */
  onNearEnd?: () => void;
  /** Receives the handle once mounted. */
  ref?: (handle: VirtualRowsHandle) => void;
}

/**
 * A virtualized table: a scroll box of at most `maxHeight` holding a real `<table>` (so rows keep their roles and
 * `getByRole('row')` finds them), whose body renders only the items in view. Each item is its own `<tbody>`, measured
 * as it renders and whenever it resizes, so items may have different heights and may grow (an expanded editor). Space
 * for the items not rendered is held by two hidden spacer rows above and below.
 */
export function VirtualRows<T>(props: VirtualRowsProps<T>): JSX.Element {
  let box!: HTMLDivElement;
  let head: HTMLTableSectionElement | undefined;
  // The header scrolls with the box (sticky): items start below it, and "in view" means below it too.
  const [headHeight, setHeadHeight] = createSignal(0);
  const [columns, setColumns] = createSignal(1);
  const virtualizer = createVirtualizer<HTMLDivElement, HTMLTableSectionElement>({
    get count() {
      return props.each.length;
    },
    getScrollElement: () => box,
    estimateSize: () => props.estimateSize ?? 37,
    get overscan() {
      return props.overscan ?? 10;
    },
    get scrollMargin() {
      return headHeight();
    },
    get scrollPaddingStart() {
      return headHeight();
    },
    // A new list is a new key function, so the virtualizer re-reads which measured height belongs to which item.
    get getItemKey() {
      const each = props.each;
      const key = props.key;
      return (index: number) => {
        const item = each[index];
        return key && item !== undefined ? key(item) : index;
      };
    },
  });
  const visible = () => virtualizer.getVirtualItems();
  const first = () => visible()[0]?.index ?? 0;
  const spaceAbove = () => (visible()[0]?.start ?? headHeight()) - headHeight();
  // Before the first range is known the whole list is space, so the box opens to its height and a range follows.
  const spaceBelow = () => {
    const last = visible().at(-1);
    return Math.max(0, virtualizer.getTotalSize() - (last ? last.end - headHeight() : 0));
  };
  const shownItems = () =>
    visible().flatMap((item) => (item.index < props.each.length ? [props.each[item.index] as T] : []));

  const measureHead = (section: HTMLTableSectionElement) => {
    setHeadHeight(section.offsetHeight);
    const cells = section.rows[section.rows.length - 1]?.cells;
    setColumns(cells ? [...cells].reduce((sum, cell) => sum + cell.colSpan, 0) || 1 : 1);
  };
  onMount(() => {
    props.ref?.({ scrollToIndex: (index) => virtualizer.scrollToIndex(index) });
    if (!head) return;
    const section = head;
    // The header's height is only known once laid out (a box opened later, fonts loaded): follow it.
    const observer = new ResizeObserver(() => measureHead(section));
    observer.observe(section);
    onCleanup(() => observer.disconnect());
  });
  createEffect(
    on([() => visible().at(-1)?.index, () => props.each.length], ([last, count]) => {
      if (last !== undefined && count > 0 && last >= count - 1 - (props.overscan ?? 10)) props.onNearEnd?.();
    }),
  );

  const spacer = (height: () => number) => (
    <tbody aria-hidden="true" class="virtual-spacer">
      <tr>
        <td colSpan={columns()} style={{ height: `${height()}px` }} />
      </tr>
    </tbody>
  );
  return (
    <div ref={box} class="virtual-rows" style={{ 'max-height': props.maxHeight ?? '70vh' }}>
      <table class={props.class} aria-label={props.label}>
        <Show when={props.head}>
          <thead ref={head}>{props.head}</thead>
        </Show>
        {spacer(spaceAbove)}
        <For each={shownItems()} fallback={<tbody>{props.fallback}</tbody>}>
          {(item, position) => {
            const index = () => first() + position();
            return (
              <tbody data-index={index()} ref={(element) => queueMicrotask(() => virtualizer.measureElement(element))}>
                {props.children(item, index)}
              </tbody>
            );
          }}
        </For>
        {spacer(spaceBelow)}
      </table>
    </div>
  );
}
