/**
 * A scalar autodiff `Value` in the micrograd spirit, for teaching: each op stores how to push
 * its output's gradient to its inputs (the chain rule, one local derivative at a time).
 */

/**
 * A scalar that remembers how it was computed.
 *
 * @example
 * const a = new Value(2), b = new Value(-3);
 * const c = a.mul(b).add(a.pow(2)); c.backward();
 * a.grad // → 1 (b + 2a)
 * b.grad // → 2 (a)
 */
export class Value {
  grad = 0;
  private pushBack: () => void = () => {};
  constructor(public data: number, readonly children: readonly Value[] = [], readonly op = '') {}

  private static of(x: Value | number): Value { return x instanceof Value ? x : new Value(x); }

  add(o: Value | number): Value {
    const b = Value.of(o), out = new Value(this.data + b.data, [this, b], '+');
    out.pushBack = () => { this.grad += out.grad; b.grad += out.grad; }; // d(a+b) = da + db
    return out;
  }
  mul(o: Value | number): Value {
    const b = Value.of(o), out = new Value(this.data * b.data, [this, b], '*');
    out.pushBack = () => { this.grad += b.data * out.grad; b.grad += this.data * out.grad; }; // d(ab) = b da + a db
    return out;
  }
  pow(k: number): Value {
    const out = new Value(this.data ** k, [this], `**${k}`);
    out.pushBack = () => { this.grad += k * this.data ** (k - 1) * out.grad; }; // d xᵏ = k xᵏ⁻¹ dx
    return out;
  }
  neg(): Value { return this.mul(-1); }
  sub(o: Value | number): Value { return this.add(Value.of(o).neg()); }
  div(o: Value | number): Value { return this.mul(Value.of(o).pow(-1)); }
  exp(): Value {
    const out = new Value(Math.exp(this.data), [this], 'exp');
    out.pushBack = () => { this.grad += out.data * out.grad; }; // d eˣ = eˣ dx
    return out;
  }
  log(): Value {
    const out = new Value(Math.log(this.data), [this], 'log');
    out.pushBack = () => { this.grad += out.grad / this.data; }; // d ln x = dx / x
    return out;
  }
  tanh(): Value {
    const out = new Value(Math.tanh(this.data), [this], 'tanh');
    out.pushBack = () => { this.grad += (1 - out.data ** 2) * out.grad; }; // d tanh = 1 − tanh²
    return out;
  }
  sigmoid(): Value {
    const out = new Value(1 / (1 + Math.exp(-this.data)), [this], 'sigmoid');
    out.pushBack = () => { this.grad += out.data * (1 - out.data) * out.grad; }; // σ' = σ(1 − σ)
    return out;
  }
  relu(): Value {
    const out = new Value(Math.max(0, this.data), [this], 'relu');
    out.pushBack = () => { this.grad += (this.data > 0 ? 1 : 0) * out.grad; };
    return out;
  }

  /** Fill `.grad` of every Value this one depends on (topological order, built without recursion). */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>([this]);
    const stack: Array<[Value, number]> = [[this, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = top[0].children;
      if (top[1] < kids.length) {
        const c = kids[top[1]++]!;
        if (!seen.has(c)) { seen.add(c); stack.push([c, 0]); }
      } else { order.push(top[0]); stack.pop(); }
    }
    for (const v of order) v.grad = 0;
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]!.pushBack();
  }
}
