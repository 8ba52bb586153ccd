// Open311 GeoReport v2 answers in the two formats the standard names: JSON arrays, and XML with a fixed root
// and element per item (services/service, service_requests/request, errors/error …). One writer for both, so
// an answer's fields are defined once.

export type Format = 'json' | 'xml';
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);

function xmlOf(name: string, value: Value, itemName?: string): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlOf(itemName ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => xmlOf(k, v, ITEM_NAMES[k]))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The element names of list items inside objects (a service definition's attributes, an attribute's values). */
const ITEM_NAMES: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  keywords: 'keyword',
  endpoints: 'endpoint',
  formats: 'format',
};

/** A list answer: JSON an array; XML `<root><item>…</item>…</root>`. */
export function listBody(format: Format, root: string, item: string, items: Record<string, Value>[]): string {
  if (format === 'json') return JSON.stringify(items);
  return `<?xml version="1.0" encoding="utf-8"?>${xmlOf(root, items, item)}`;
}

/** A single-object answer (discovery, a service definition): JSON the object; XML `<root>…</root>`. */
export function objectBody(format: Format, root: string, value: Record<string, Value>): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>${xmlOf(root, value)}`;
}

export const contentType = (format: Format) => (format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');

/** The standard's error answer: a list of `code` + `description`. */
export function errorBody(format: Format, code: number, description: string): string {
  return listBody(format, 'errors', 'error', [{ code, description }]);
}
