/** A widget's refresh effect in a test: records every value of `read()` the effect runs with. */
export function refreshProbe(read: () => number): { seen: number[]; stop: () => void } {
  const seen: number[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read());
    });
  });
  return { seen, stop };
}
