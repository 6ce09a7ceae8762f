// A tiny writer for Salesforce metadata XML: elements in the order given, text escaped, four-space
// indentation as the Salesforce CLI writes it, so regenerated files diff cleanly.
export type XmlNode = [name: string, content: string | number | boolean | readonly XmlNode[]];

const NS = 'http://soap.sforce.com/2006/04/metadata';

export function metadataXml(root: string, children: readonly XmlNode[]): string {
  const body = children.map((child) => render(child, 1)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">\n${body}</${root}>\n`;
}

function render([name, content]: XmlNode, depth: number): string {
  const indent = '    '.repeat(depth);
  if (typeof content !== 'object')
    return `${indent}<${name}>${escape(String(content))}</${name}>\n`;
  const inner = content.map((child) => render(child, depth + 1)).join('');
  return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
