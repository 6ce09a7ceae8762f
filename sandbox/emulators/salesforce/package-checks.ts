// The checks the emulated org runs on a deployed metadata zip — our own offline package checks, so a
// failed deploy is a real finding: every XML file well-formed, and every field a permission set
// grants present in the package (or a standard field of a standard object).
export interface ComponentFailure {
  fileName: string;
  fullName: string;
  componentType: string;
  problem: string;
  lineNumber?: number;
  columnNumber?: number;
}

const TYPES: Record<string, string> = {
  objects: 'CustomObject',
  permissionsets: 'PermissionSet',
  customPermissions: 'CustomPermission',
  lwc: 'LightningComponentBundle',
  layouts: 'Layout',
};

function describe(fileName: string): { fullName: string; componentType: string } {
  const parts = fileName
    .replace(/^[^/]+\/(?=(objects|permissionsets|customPermissions|lwc|layouts)\/)/, '')
    .split('/');
  const folder = parts[0] ?? '';
  const base = (parts[1] ?? fileName).replace(/\.[^.]+$/, '').replace(/-meta$/, '');
  return { fullName: base, componentType: TYPES[folder] ?? 'Package' };
}

function position(text: string, index: number): { lineNumber: number; columnNumber: number } {
  const before = text.slice(0, index).split('\n');
  return { lineNumber: before.length, columnNumber: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The first well-formedness error of an XML document, with where it is. */
export function xmlError(text: string): { problem: string; index: number } | undefined {
  const stack: { name: string; index: number }[] = [];
  const tag = /<(\?[\s\S]*?\?>|!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\/?[^>]*>)/g;
  let last = 0;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    if (text.slice(last, match.index).includes('<'))
      return {
        problem: 'The markup in the document is not well-formed.',
        index: last + text.slice(last, match.index).indexOf('<'),
      };
    last = tag.lastIndex;
    const body = match[1] ?? '';
    if (body.startsWith('?') || body.startsWith('!')) continue;
    if (body.startsWith('/')) {
      const name = body.slice(1, -1).trim();
      const open = stack.pop();
      if (!open) return { problem: `The end-tag "${name}" has no start-tag.`, index: match.index };
      if (open.name !== name)
        return {
          problem: `The element type "${open.name}" must be terminated by the matching end-tag "</${open.name}>".`,
          index: match.index,
        };
      continue;
    }
    if (body.endsWith('/>')) continue;
    stack.push({ name: body.slice(0, -1).trim().split(/\s/)[0] ?? '', index: match.index });
  }
  const open = stack.pop();
  if (open)
    return {
      problem: `XML document structures must start and end within the same entity ("${open.name}" is not closed).`,
      index: open.index,
    };
  return undefined;
}

/** Fields every org has on the standard objects the package's permission sets may name. */
const STANDARD: Record<string, readonly string[]> = {
  Opportunity: [
    'Name',
    'StageName',
    'Amount',
    'CloseDate',
    'NextStep',
    'LeadSource',
    'Type',
    'OwnerId',
    'AccountId',
  ],
};

export function checkPackage(
  files: ReadonlyMap<string, Buffer>,
  /** Whether the org already has this field (fields deployed before, standard fields). */
  orgHas: (object: string, field: string) => boolean = () => false,
): { failures: ComponentFailure[]; components: number } {
  const failures: ComponentFailure[] = [];
  const texts = new Map<string, string>();
  for (const [name, data] of files) {
    if (
      !name.endsWith('.xml') &&
      !/\.(object|permissionset|customPermission|layout)$/.test(name) &&
      !name.endsWith('-meta.xml')
    )
      continue;
    const text = data.toString('utf8');
    const error = xmlError(text);
    if (error) {
      failures.push({
        fileName: name,
        ...describe(name),
        problem: `Error parsing file: ${error.problem}`,
        ...position(text, error.index),
      });
      continue;
    }
    texts.set(name, text);
  }
  // Fields each deployed object declares.
  const fields = new Map<string, Set<string>>();
  for (const [name, text] of texts) {
    const match = /objects\/([^/]+)\.object$/.exec(name);
    if (!match?.[1]) continue;
    const declared = new Set(
      [...text.matchAll(/<fields>\s*<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1] ?? ''),
    );
    fields.set(match[1], declared);
  }
  for (const [name, text] of texts) {
    if (!name.endsWith('.permissionset')) continue;
    for (const m of text.matchAll(/<fieldPermissions>[\s\S]*?<field>([^<]+)<\/field>/g)) {
      const [object = '', field = ''] = (m[1] ?? '').split('.');
      const known =
        fields.get(object)?.has(field) ||
        STANDARD[object]?.includes(field) ||
        orgHas(object, field);
      if (known) continue;
      const index = (m.index ?? 0) + m[0].lastIndexOf('<field>');
      failures.push({
        fileName: name,
        ...describe(name),
        problem: `In field: field - no CustomField named ${object}.${field} found`,
        ...position(text, index),
      });
    }
  }
  return {
    failures,
    components: [...files.keys()].filter((n) => !n.endsWith('package.xml')).length,
  };
}
