import { isMap, parseDocument, type Document } from 'yaml';

/**
 * Add `name: id` entries to the `directories:` map of an opencx.yml text, keeping its comments
 * and layout. Pure. Entries go to the target's own `directories:` when it has one (its ids are
 * the ones that differ), else to the top-level map. A name already mapped is never changed.
 */
export function addDirectoryMappings(
  text: string,
  mappings: Readonly<Record<string, string>>,
  target: string | undefined,
): string {
  const doc: Document = parseDocument(text);
  // Only an empty file has no map yet: anything else is refused by the config's parser first.
  if (doc.contents === null) doc.contents = doc.createNode({});
  const targetPath = ['targets', target ?? '', 'directories'];
  const where = target !== undefined && isMap(doc.getIn(targetPath)) ? targetPath : ['directories'];
  if (!isMap(doc.getIn(where))) doc.setIn(where, doc.createNode({}));
  for (const name of Object.keys(mappings).sort()) {
    if (!doc.hasIn([...where, name])) doc.setIn([...where, name], mappings[name]);
  }
  return doc.toString({ lineWidth: 0 });
}
