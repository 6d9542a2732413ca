// A relationships part (.rels): which part each relationship id points at, and of what type.
import { attr, PACKAGE_REL, type XmlHandler, type XmlTag } from "./xmlPart";

export interface Relationship {
  /** The target as a part name ("xl/worksheets/sheet1.xml"); null for an external target. */
  part: string | null;
  /** The relationship type's last segment ("worksheet", "sharedStrings", "styles"…). */
  type: string;
  /** An external target as written (a hyperlink's address); absent for a part. */
  external?: string;
}

/** A target resolved against the folder of the part the .rels belongs to ("xl"). */
export function partName(folder: string, target: string): string {
  const parts = target.startsWith("/") ? [] : folder.split("/").filter((p) => p !== "");
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** Reads `<Relationship Id Type Target TargetMode>` elements into a map by id. */
export class RelsReader implements XmlHandler {
  readonly byId = new Map<string, Relationship>();

  constructor(private readonly folder: string) {}

  open(tag: XmlTag): void {
    if (tag.local !== "Relationship" || tag.uri !== PACKAGE_REL) return;
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id === undefined || target === undefined) return;
    const type = (attr(tag, "Type") ?? "").replace(/.*\//, "");
    const external = attr(tag, "TargetMode") === "External";
    this.byId.set(id, external ? { part: null, type, external: target } : { part: partName(this.folder, target), type });
  }

  close(): void {}
}
