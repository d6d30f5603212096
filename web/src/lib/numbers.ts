/**
 * A count with thousands separators ("10,018"), as `toLocaleString('en-US')` writes it, without it: the first call of
 * Intl's number formatting loads its locale data, about 50 ms of a page's first render on a slow machine.
 */
export function formatCount(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
