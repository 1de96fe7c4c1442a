/**
 * Deferred construction of module-level values, for schemas above all.
 *
 * A zod schema costs about 0.1 ms to build, and the modules the content script imports declare
 * a few hundred of them (every message kind of every context, the stored records they carry):
 * built at import, they made the script's first task on a page 60–130 ms long. `lazy` builds a
 * value on first use instead, behind a Proxy that forwards everything to it, so call sites
 * (`spanSchema.parse(x)`, `z.array(spanSchema)`, `z.infer<typeof spanSchema>`) stay as they are.
 *
 * If `build` throws, the use that asked for the value throws it, and the next use builds again.
 *
 * Pure; works the same in Node, the extension's pages, workers and content scripts.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= build());
  return new Proxy(Object.create(null) as T, {
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, next) => Reflect.set(real(), key, next),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a property as non-configurable that its target lacks.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
