/** A growable list of undirected edges, kept in typed arrays so a million-person network fits. */
export class EdgeList {
  size = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  layer = new Uint8Array(1024);
  strength = new Float32Array(1024);

  add(from: number, to: number, layer: number, strength: number): void {
    if (this.size === this.from.length) this.grow();
    const e = this.size++;
    this.from[e] = from;
    this.to[e] = to;
    this.layer[e] = layer;
    this.strength[e] = strength;
  }

  private grow(): void {
    const capacity = this.from.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Float32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(capacity);
      b.set(a);
      return b;
    };
    this.from = copy(this.from, Int32Array);
    this.to = copy(this.to, Int32Array);
    this.layer = copy(this.layer, Uint8Array);
    this.strength = copy(this.strength, Float32Array);
  }
}
