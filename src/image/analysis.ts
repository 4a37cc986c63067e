/**
 * The union filesystem of an image and what each layer did to it.
 *
 * Layers are applied bottom first as the OCI image-spec ("Applying Changesets", "Whiteouts") says: a
 * `.wh.<name>` entry removes `<name>` and everything below it from the LOWER layers; a `.wh..wh..opq`
 * entry removes every lower child of its directory (the directory stays); whiteouts never hide entries
 * of their own layer. An entry that replaces a directory with something else removes the directory's
 * children too (tar extraction).
 *
 * Sizes are content bytes of regular files (tar header `size`); hard links, symlinks and directories
 * count 0. Two measures of waste:
 * - `wastedBytes` (ours): bytes shipped by a layer that are not visible in the final filesystem because
 *   a higher layer overwrote or deleted them (a file, a whole directory, or an opaque directory).
 * - dive's `efficiency` and `diveWastedBytes`, computed as dive's `filetree.Efficiency` does (see
 *   docs/image.md for the definition and a worked example).
 */
import type { LayerEntry } from './layer.js';
import type { ImageModel } from './model.js';

/** A file as visible in the union filesystem. */
export interface VisibleFile {
  path: string;
  type: LayerEntry['type'];
  size: number;
  mode: number;
  uid: number;
  /** Layer (0-based) whose entry is visible. */
  layer: number;
  linkname?: string;
}

/** Bytes of one file version that a higher layer hid. */
interface WastedFile {
  path: string;
  size: number;
  /** Layer that shipped the bytes. */
  shippedIn: number;
  /** Layer that hid them. */
  hiddenBy: number;
  how: 'overwritten' | 'deleted';
}

/** What one layer changed. */
interface LayerChanges {
  index: number;
  /** Content bytes of the layer's regular files. */
  size: number;
  added: string[];
  changed: string[];
  /** Paths the layer's whiteouts removed (the top-most removed path; for an opaque directory, each lower child). */
  removed: string[];
  /** Bytes of lower layers this layer hid (overwrote or deleted). */
  hidBytes: number;
  /** Bytes this layer shipped that higher layers hid. */
  wastedBytes: number;
}

/** The whole analysis. */
export interface Analysis {
  layers: LayerChanges[];
  /** The final filesystem, by path. */
  files: Map<string, VisibleFile>;
  wasted: WastedFile[];
  totalBytes: number;
  /** Bytes of all layers but the first (dive's "user" size). */
  userBytes: number;
  wastedBytes: number;
  /** `wastedBytes / userBytes` (0 when there are no user bytes). */
  userWastedPercent: number;
  /** dive's efficiency score, 0..1. */
  efficiency: number;
  /** dive's wasted bytes: the cumulative size of every path met in two or more layers. */
  diveWastedBytes: number;
}

/** Children of each directory in the union, for removing subtrees without scanning every path. */
class Tree {
  readonly files = new Map<string, VisibleFile>();
  private readonly children = new Map<string, Set<string>>();

  private static parent(p: string): string {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
  }

  set(f: VisibleFile): void {
    this.files.set(f.path, f);
    let p = f.path;
    while (p !== '') {
      const parent = Tree.parent(p);
      let set = this.children.get(parent);
      if (!set) this.children.set(parent, (set = new Set()));
      if (set.has(p)) break;
      set.add(p);
      p = parent;
    }
  }

  childrenOf(dir: string): string[] {
    return [...(this.children.get(dir) ?? [])];
  }

  /** Removes `path` and all below it; calls `each` for every removed file entry. */
  remove(path: string, each: (f: VisibleFile) => void): boolean {
    let any = false;
    for (const c of this.childrenOf(path)) any = this.remove(c, each) || any;
    this.children.delete(path);
    const f = this.files.get(path);
    if (f) {
      each(f);
      this.files.delete(path);
      any = true;
    }
    this.children.get(Tree.parent(path))?.delete(path);
    return any;
  }
}

/** Runs the union and the size measures over an image's layers. */
export function analyse(image: ImageModel): Analysis {
  const tree = new Tree();
  const layers: LayerChanges[] = [];
  const wasted: WastedFile[] = [];
  // dive: per path, the sizes met (one per layer leaf node).
  const dive = new Map<string, { cumulative: number; min: number; nodes: number }>();

  for (const layer of image.layers) {
    const i = layer.index;
    const ch: LayerChanges = { index: i, size: 0, added: [], changed: [], removed: [], hidBytes: 0, wastedBytes: 0 };
    const entries = layer.scan.entries;
    const hide = (f: VisibleFile, how: WastedFile['how']) => {
      if (f.size > 0) {
        wasted.push({ path: f.path, size: f.size, shippedIn: f.layer, hiddenBy: i, how });
        ch.hidBytes += f.size;
        layers[f.layer].wastedBytes += f.size;
      }
    };

    // dive's leaf nodes of this layer, measured against the union BELOW this layer.
    const paths = new Set<string>();
    const parents = new Set<string>();
    for (const e of entries) {
      if (e.whiteout === 'opaque') continue;
      paths.add(e.path);
      for (let p = e.path; p.includes('/'); ) {
        p = p.slice(0, p.lastIndexOf('/'));
        parents.add(p);
      }
    }
    for (const e of entries) {
      if (e.whiteout === 'opaque' || parents.has(e.path) || !paths.has(e.path)) continue;
      paths.delete(e.path); // one node per path per layer
      let size = e.size;
      if (e.whiteout === 'whiteout') {
        size = 0;
        const prev = tree.files.get(e.path);
        const isDir = prev ? prev.type === 'dir' : tree.childrenOf(e.path).length > 0;
        if (isDir) size = subtreeBytes(tree, e.path);
      }
      const d = dive.get(e.path);
      if (d) {
        d.cumulative += size;
        d.min = Math.min(d.min, size);
        d.nodes++;
      } else dive.set(e.path, { cumulative: size, min: size, nodes: 1 });
    }

    // Whiteouts first: they apply to lower layers only.
    for (const e of entries) {
      if (e.whiteout === 'opaque') {
        for (const c of tree.childrenOf(e.path)) if (tree.remove(c, (f) => hide(f, 'deleted'))) ch.removed.push('/' + c);
      } else if (e.whiteout === 'whiteout') {
        if (tree.remove(e.path, (f) => hide(f, 'deleted'))) ch.removed.push('/' + e.path);
      }
    }
    for (const e of entries) {
      if (e.whiteout) continue;
      ch.size += e.size;
      const prev = tree.files.get(e.path);
      const next: VisibleFile = { path: e.path, type: e.type, size: e.size, mode: e.mode, uid: e.uid, layer: i, ...(e.linkname ? { linkname: e.linkname } : {}) };
      if (!prev) {
        ch.added.push('/' + e.path);
      } else if (prev.layer === i) {
        // the same path twice in one tar: the later entry wins
      } else if (prev.type === 'dir' && e.type === 'dir') {
        if (prev.mode !== e.mode || prev.uid !== e.uid) ch.changed.push('/' + e.path);
      } else {
        ch.changed.push('/' + e.path);
        if (prev.type === 'dir') for (const c of tree.childrenOf(e.path)) tree.remove(c, (f) => hide(f, 'overwritten'));
        hide(prev, 'overwritten');
      }
      tree.set(next);
    }
    layers.push(ch);
  }

  const totalBytes = layers.reduce((a, l) => a + l.size, 0);
  const userBytes = totalBytes - (layers[0]?.size ?? 0);
  const wastedBytes = wasted.reduce((a, w) => a + w.size, 0);
  let minimum = 0;
  let discovered = 0;
  let diveWastedBytes = 0;
  for (const d of dive.values()) {
    minimum += d.min;
    discovered += d.cumulative;
    if (d.nodes >= 2) diveWastedBytes += d.cumulative;
  }
  return {
    layers,
    files: tree.files,
    wasted,
    totalBytes,
    userBytes,
    wastedBytes,
    userWastedPercent: userBytes > 0 ? wastedBytes / userBytes : 0,
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    diveWastedBytes,
  };
}

function subtreeBytes(tree: Tree, path: string): number {
  let sum = tree.files.get(path)?.size ?? 0;
  for (const c of tree.childrenOf(path)) sum += subtreeBytes(tree, c);
  return sum;
}
