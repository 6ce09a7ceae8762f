// GraphQL wire results in the UI API record shape the core reads (`{ id, fields: { X: { value } } }`).
export function graphNodes(data, objectApiName) {
  const edges = data?.uiapi?.query?.[objectApiName]?.edges ?? [];
  return edges.map(({ node }) => ({ id: node.Id, fields: node }));
}

export function itemsByHandoff(rows) {
  const out = {};
  for (const row of rows) {
    const handoff = row.fields.Handoff__c?.value;
    if (handoff) (out[handoff] = out[handoff] ?? []).push(row);
  }
  return out;
}
