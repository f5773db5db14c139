/** Injected everywhere time matters, so tests never sleep and records carry controlled timestamps. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that tests move by hand. */
export function manualClock(
  start: string | Date,
): Clock & { advance(ms: number): void; set(t: string): void } {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (t: string) => {
    now = new Date(t).getTime();
  };
  return clock;
}
