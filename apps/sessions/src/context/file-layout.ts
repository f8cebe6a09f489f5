/** `Shop.CartTotals` → `shop-cart-totals`: the file stem of a component's code and tests. */
export function fileStem(componentName: string): string {
  const stem = componentName
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return stem || 'component';
}

/** Where a component's implementation and its tests live in the project workspace. */
export function componentFiles(componentName: string): { implementation: string; tests: string } {
  const stem = fileStem(componentName);
  return { implementation: `src/${stem}.ts`, tests: `test/${stem}.test.ts` };
}
