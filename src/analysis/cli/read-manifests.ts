import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair, parseAllDocuments, Scalar, YAMLMap } from 'yaml';
import { KubeObject } from '../../rules/finding';
import { resolvePlainScalar } from './go-yaml-scalars';

/** An object of a manifest and the line it starts on. */
export interface ManifestObject {
  readonly object: KubeObject;
  readonly line: number;
}

/** What a manifest holds: its objects, and what was read but is probably not what was meant. */
export interface Manifest {
  readonly objects: ManifestObject[];
  /** `line: text` notes, such as a key given twice (whose last value counts, as for kubectl). */
  readonly warnings: string[];
}

/** A manifest the API machinery could not read either, with the line to look at. */
export class ManifestError extends Error {
  constructor(public readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Nesting deeper than this is refused. go-yaml allows 10,000 levels; the parser here exhausts the
 * stack at about 800, and no Kubernetes object comes near either.
 */
const MAX_DEPTH = 500;
const TOO_DEEP = `nested deeper than ${MAX_DEPTH} levels`;
/**
 * Values made by expanding aliases, at most, per document: go-yaml refuses excessive aliasing
 * too (by a ratio of aliased to plain values, from a few hundred thousand values on). No
 * Kubernetes object comes near.
 */
const MAX_ALIAS_EXPANSION = 200_000;

const STR_TAG = 'tag:yaml.org,2002:str';
const TYPED_TAGS: ReadonlyMap<string, string> = new Map([
  ['tag:yaml.org,2002:int', 'number'],
  ['tag:yaml.org,2002:float', 'number'],
  ['tag:yaml.org,2002:bool', 'boolean'],
]);

/**
 * Reads a YAML (or JSON) text the way `kubectl apply` hands it to the API server, which decodes
 * with sigs.k8s.io/yaml (go-yaml v2, then JSON): every document, the items of `*List` kinds, go-yaml's
 * YAML 1.1 scalars, merge keys, and duplicate keys resolved to their last value. Documents that
 * are not objects with a `kind` are skipped.
 *
 * @throws ManifestError when go-yaml would not read the text either
 */
export function readManifest(text: string): Manifest {
  const lineCounter = new LineCounter();
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, prettyErrors: true });
  } catch (e) {
    // The parser recurses for each nesting level: a document nested deep enough exhausts the stack.
    throw new ManifestError(1, e instanceof RangeError ? TOO_DEEP : String((e as Error).message));
  }
  const objects: ManifestObject[] = [];
  const warnings: string[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    const error = document.errors[0];
    if (error) {
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new ManifestError(error.linePos?.[0].line ?? 1, message.startsWith('Maximum call stack size exceeded') ? TOO_DEEP : message);
    }
    const converter = new JsonConverter(document, text, lineCounter, warnings);
    let value: unknown;
    try {
      value = converter.toJson(document.contents as Node | null, 0);
    } catch (e) {
      throw e instanceof RangeError ? new ManifestError(lineOf(document.contents as Node | null, lineCounter), TOO_DEEP) : e;
    }
    objects.push(...kubeObjects(value, document.contents as Node | null, lineCounter));
  }
  return { objects, warnings };
}

/** The Kubernetes objects of one document: the document itself, or the items of a `List`. */
function kubeObjects(value: any, node: Node | null, lineCounter: LineCounter): ManifestObject[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof value.kind !== 'string') {
    return [];
  }
  if (value.kind.endsWith('List') && Array.isArray(value.items)) {
    const itemNodes = isMap(node) ? node.get('items', true) : undefined;
    return value.items.flatMap((item: any, i: number) => kubeObjects(item, isSeq(itemNodes) ? itemNodes.items[i] as Node : node, lineCounter));
  }
  return [{ object: value, line: lineOf(node, lineCounter) }];
}

function lineOf(node: Node | null | undefined, lineCounter: LineCounter): number {
  return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
}

/** Turns one parsed document into the JSON sigs.k8s.io/yaml makes of it. */
class JsonConverter {
  /** How many values were made while expanding aliases, and how many aliases are being expanded. */
  private expanded = 0;
  private aliasDepth = 0;
  /** The anchored nodes being converted, to refuse an alias to a node that contains it. */
  private readonly open = new Set<Node>();

  constructor(
    private readonly document: ReturnType<typeof parseAllDocuments>[number],
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly warnings: string[],
  ) {}

  public toJson(node: Node | Pair | null | undefined, depth: number): unknown {
    if (depth > MAX_DEPTH) {
      throw this.error(node, TOO_DEEP);
    }
    if (this.aliasDepth > 0 && ++this.expanded > MAX_ALIAS_EXPANSION) {
      throw this.error(node, 'document contains excessive aliasing');
    }
    if (node === null || node === undefined) {
      return null;
    }
    if (isAlias(node)) {
      return this.expand(node, depth);
    }
    if (isScalar(node)) {
      return this.scalar(node);
    }
    if (isSeq(node)) {
      return node.items.map((item) => (this.isColonEndedScalar(item, node.flow) ? this.colonEndedText(item as YAMLMap) : this.toJson(item as Node, depth + 1)));
    }
    if (isMap(node)) {
      const result: { [key: string]: unknown } = {};
      for (const pair of node.items) {
        this.addPair(result, pair, depth, node.flow === true);
      }
      return result;
    }
    // A pair straight in a sequence (`[? a : b]`) is a map of one key.
    const single: { [key: string]: unknown } = {};
    this.addPair(single, node, depth, false);
    return single;
  }

  private expand(alias: Alias, depth: number): unknown {
    const target = alias.resolve(this.document);
    if (!target) {
      throw this.error(alias, `unknown anchor '${alias.source}' referenced`);
    }
    if (this.open.has(target)) {
      throw this.error(alias, `anchor '${alias.source}' value contains itself`);
    }
    this.open.add(target);
    this.aliasDepth++;
    try {
      return this.toJson(target, depth + 1);
    } finally {
      this.aliasDepth--;
      this.open.delete(target);
    }
  }

  private scalar(node: Scalar): unknown {
    if (node.value instanceof Uint8Array) {
      // The parser decodes !!binary whatever the schema.
      return Buffer.from(node.value).toString('utf8');
    }
    const text = String(node.value);
    const tag = node.tag;
    if (tag === STR_TAG) {
      return text;
    }
    const plain = node.type === Scalar.PLAIN;
    if (tag === undefined && !plain) {
      return text;
    }
    const expected = tag === undefined ? undefined : TYPED_TAGS.get(tag);
    if (tag !== undefined && expected === undefined) {
      // go-yaml keeps a scalar with a tag it does not know as the text it holds.
      return text;
    }
    const resolved = resolvePlainScalar(text);
    const value = 'merge' in resolved ? text : resolved.value;
    if (expected !== undefined && typeof value !== expected) {
      throw this.error(node, `cannot decode ${JSON.stringify(text)} as a ${tag!.slice(tag!.lastIndexOf(':') + 1)}`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw this.error(node, `json: unsupported value: ${text}`);
    }
    return value;
  }

  private addPair(result: { [key: string]: unknown }, pair: Pair, depth: number, flow: boolean): void {
    const keyNode = pair.key as Node | null;
    if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyNode.tag === undefined && keyNode.value === '<<') {
      this.merge(result, pair.value as Node | null, depth);
      return;
    }
    const key = flow && this.endsWithColon(pair) ? `${String((keyNode as Scalar).value)}:` : this.keyText(keyNode, depth);
    if (Object.prototype.hasOwnProperty.call(result, key)) {
      this.warnings.push(`${lineOf(keyNode, this.lineCounter)}: key ${JSON.stringify(key)} is given twice: the last value counts, as for kubectl apply`);
    }
    const value = flow && this.endsWithColon(pair) ? null : this.toJson(pair.value as Node | null, depth + 1);
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }

  /** Map keys as sigs.k8s.io/yaml writes them in JSON: strings as they are, numbers and booleans as text. */
  private keyText(node: Node | null, depth: number): string {
    const key = this.toJson(node, depth + 1);
    if (typeof key === 'string') {
      return key;
    }
    if (typeof key === 'number' || typeof key === 'boolean') {
      return String(key);
    }
    throw this.error(node, `unsupported map key ${JSON.stringify(key)}`);
  }

  /**
   * go-yaml v2 merges `<<` values where they stand, so they override the keys before them; in a
   * list of maps, the earlier maps win.
   */
  private merge(result: { [key: string]: unknown }, node: Node | null, depth: number): void {
    const sources = isSeq(node) ? [...node.items].reverse() : [node];
    for (const source of sources) {
      const value = this.toJson(source as Node | null, depth + 1);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw this.error(node, 'map merge requires map or sequence of maps as the value');
      }
      for (const [key, merged] of Object.entries(value)) {
        Object.defineProperty(result, key, { value: merged, enumerable: true, writable: true, configurable: true });
      }
    }
  }

  /**
   * True for a pair `text:` directly followed by `,`, `]` or `}` in a flow collection. go-yaml
   * ends a plain scalar there only at a colon followed by a blank, so `[001:db8::]` holds the
   * address `001:db8::`; YAML 1.2 (and the parser here) reads a key `001:db8:` without value.
   */
  private endsWithColon(pair: Pair): boolean {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!isScalar(key) || key.type !== Scalar.PLAIN || key.tag !== undefined || !key.range) {
      return false;
    }
    const empty = value === null || (isScalar(value) && value.type === Scalar.PLAIN && value.value === '' && value.tag === undefined);
    const end = key.range[1];
    return empty && this.text.charAt(end) === ':' && ',]}'.includes(this.text.charAt(end + 1));
  }

  /** True for the item `[text:]` of a flow sequence that the parser read as a one-pair map. */
  private isColonEndedScalar(item: unknown, flow: boolean | undefined): boolean {
    return flow === true && isMap(item) && item.items.length === 1 && item.range !== undefined && item.range !== null
      && this.text.charAt(item.range[0]) !== '{' && !isPair(item.items[0].key) && this.endsWithColon(item.items[0]);
  }

  private colonEndedText(item: YAMLMap): unknown {
    const text = `${String((item.items[0].key as Scalar).value)}:`;
    const resolved = resolvePlainScalar(text);
    return 'merge' in resolved ? text : resolved.value;
  }

  private error(node: Node | Pair | null | undefined, message: string): ManifestError {
    const range = node && !isPair(node) ? node.range : undefined;
    return new ManifestError(range ? this.lineCounter.linePos(range[0]).line : 1, message);
  }
}
