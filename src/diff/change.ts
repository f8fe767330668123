/**
 * A change and what it is made of: its kinds, the pair of declarations compared, their TypeScript
 * spellings and the breaks of a change of type (assignability in both directions).
 */
import type { ModulePlan } from "../emit/plan.js";
import { literalType } from "../emit/escape.js";
import { typeText } from "../emit/type-text.js";
import type { Decl, EnumDecl, FieldModel, TypeRef } from "../core/model.js";
import { enumBases } from "../emit/shape.js";
import { isAssignable, shapeOnSide, type Side } from "./assignable.js";
import { movedEntries } from "./order.js";
import type { Use } from "./uses.js";

/** What a change is about. The last group is informational: it breaks no type. */
export type ChangeKind =
  | "declaration-added"
  | "declaration-removed"
  | "field-added"
  | "field-removed"
  | "type-changed"
  | "optional-changed"
  | "nullable-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "union-member-added"
  | "union-member-removed"
  | "discriminator-changed"
  | "name-changed"
  | "page-renamed"
  | "format-changed"
  | "readonly-changed"
  | "order-changed"
  | "enum-key-changed"
  | "description-changed"
  | "example-changed"
  | "default-changed"
  | "deprecation-changed";

/** One change to one declaration. */
export interface Change {
  /** The page, relative to the input folder (`models/batch.md`). */
  file: string;
  /** The declaration's TypeScript identifier (the new one; the old one when it was removed). */
  declaration: string;
  /** The property (or enum value) inside the declaration; "" for the declaration itself. */
  path: string;
  kind: ChangeKind;
  /** The TypeScript spelling of the type or value before the change; null when there was none. */
  before: string | null;
  /** The same after the change; null when there is none. */
  after: string | null;
  /** Whether code that receives values (readers) or builds them (writers) stops compiling. */
  breaks: { readers: boolean; writers: boolean };
  /** What the breaks do not say (exhaustive switches, imports by name). */
  note?: string;
  /**
   * Expressions in code written against the old types that no longer compile, as TypeScript spells
   * them (`=== "expired"`, `Status.EXPIRED`): code that names what the change took away.
   */
  stopsCompiling?: string[];
  /** The declarations that hold this one (directly or through others), with the path to the change. */
  usedBy?: Use[];
  /** How many more hold it than `usedBy` lists (it stops at `MAX_USES`). */
  usedByMore?: number;
}

/** Both versions of one declaration with their plans. */
export interface Pair {
  base: Side;
  head: Side;
  old: Decl;
  now: Decl;
  oldPlan: ModulePlan;
  nowPlan: ModulePlan;
}

export const NO_BREAK = { readers: false, writers: false };

/** The type a declaration's identifier stands for, spelt out (an interface by its name). */
export function declSpelling(side: Side, decl: Decl, plan: ModulePlan): string {
  switch (decl.kind) {
    case "object":
      return decl.open ? "Record<string, unknown>" : `interface ${plan.identifier}`;
    case "enum":
      return enumSpelling(decl);
    case "union":
      return [...new Set(decl.members.map((member) => spell(side, plan, member.type)))].join(" | ");
  }
}

export function enumSpelling(decl: EnumDecl): string {
  const literals = decl.members.map((member) => literalType(member.value));
  const open = enumBases(decl).map((base) => (base === "boolean" ? base : `(${base} & {})`));
  return [...literals, ...open].join(" | ") || "never";
}

export const spell = (side: Side, plan: ModulePlan, type: TypeRef) =>
  typeText(shapeOnSide(side, type), plan.localNames);

/** Both directions of assignability as breaks. */
export function breaksOf(pair: Pair, oldType: TypeRef, nowType: TypeRef): Change["breaks"] {
  const before = { side: pair.base, type: oldType };
  const after = { side: pair.head, type: nowType };
  return { readers: !isAssignable(after, before), writers: !isAssignable(before, after) };
}

export type Add = (
  kind: ChangeKind,
  before: string | null,
  after: string | null,
  breaks?: Change["breaks"],
  path?: string,
  note?: string,
  stopsCompiling?: string[],
) => void;

/** Description, example, default and deprecation: text for people, no type changes. */
export function informational(
  add: Add,
  path: string,
  old: Partial<Pick<FieldModel, "description" | "deprecated" | "exampleText" | "defaultText">>,
  now: typeof old,
  oldDescription = old.description,
  nowDescription = now.description,
): void {
  if (oldDescription !== nowDescription)
    add("description-changed", oldDescription ?? null, nowDescription ?? null, NO_BREAK, path);
  if (old.exampleText !== now.exampleText)
    add("example-changed", old.exampleText ?? null, now.exampleText ?? null, NO_BREAK, path);
  if (old.defaultText !== now.defaultText)
    add("default-changed", old.defaultText ?? null, now.defaultText ?? null, NO_BREAK, path);
  if ((old.deprecated ?? false) !== (now.deprecated ?? false))
    add(
      "deprecation-changed",
      old.deprecated ? "@deprecated" : null,
      now.deprecated ? "@deprecated" : null,
      NO_BREAK,
      path,
    );
}

/**
 * One `order-changed` per entry that moved (not those it passed): `path` names the entry (`label`
 * spells a key as the reader knows it), before and after its 1-based positions.
 */
export function addMoves(
  add: Add,
  before: readonly string[],
  after: readonly string[],
  label: (key: string) => string = (key) => key,
): void {
  for (const moved of movedEntries(before, after))
    add(
      "order-changed",
      `position ${moved.before}`,
      `position ${moved.after}`,
      NO_BREAK,
      label(moved.key),
    );
}
