// Namespace scopes for a streaming XML reader: prefixes bound by xmlns attributes, element by
// element, so names are matched by namespace URI and not by the prefix a producer chose. Cheaper
// than having the parser resolve every attribute: an attribute is found by the one prefix its
// namespace has in scope.

const XML_NS = "http://www.w3.org/XML/1998/namespace";

export interface Scope {
  uriOf: Map<string, string>;
  /** The prefix attributes of a namespace use (unprefixed attributes have no namespace). */
  prefixOf: Map<string, string>;
}

/** An element with its namespace resolved. */
export interface Tag {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  scope: Scope;
}

export class Namespaces {
  private readonly stack: Scope[] = [{ uriOf: new Map([["xml", XML_NS]]), prefixOf: new Map([[XML_NS, "xml"]]) }];

  /** Enters an element: binds its xmlns attributes, resolves its name. */
  open(name: string, attributes: Record<string, string>): Tag {
    let scope = this.stack[this.stack.length - 1];
    for (const key in attributes) {
      if (key !== "xmlns" && !key.startsWith("xmlns:")) continue;
      if (scope === this.stack[this.stack.length - 1]) scope = { uriOf: new Map(scope.uriOf), prefixOf: new Map(scope.prefixOf) };
      const prefix = key === "xmlns" ? "" : key.slice(6);
      scope.uriOf.set(prefix, attributes[key]);
      if (prefix !== "") scope.prefixOf.set(attributes[key], prefix);
    }
    this.stack.push(scope);
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    return { uri: scope.uriOf.get(prefix) ?? "", local: colon < 0 ? name : name.slice(colon + 1), attributes, scope };
  }

  /** The namespace a prefix is bound to in the innermost scope ("" when unbound). */
  uriOf(prefix: string): string {
    return this.stack[this.stack.length - 1].uriOf.get(prefix) ?? "";
  }

  /** Leaves the element entered last. */
  close(): void {
    if (this.stack.length > 1) this.stack.pop();
  }
}

/** The value of attribute `local` in namespace `uri` of the tag. */
export function attributeOf(tag: Tag, uri: string, local: string): string | undefined {
  const prefix = tag.scope.prefixOf.get(uri);
  return prefix === undefined ? undefined : tag.attributes[`${prefix}:${local}`];
}

/** The tag's attributes grouped by namespace URI, by local name: one pass, for tags asked many times. */
export function attributesByNamespace(tag: Tag): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const key in tag.attributes) {
    const colon = key.indexOf(":");
    if (colon < 0) continue;
    const uri = tag.scope.uriOf.get(key.slice(0, colon));
    if (uri === undefined) continue;
    let group = out.get(uri);
    if (!group) out.set(uri, (group = {}));
    group[key.slice(colon + 1)] = tag.attributes[key];
  }
  return out;
}
