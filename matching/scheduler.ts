/**
 * Roadshow 1:1 negotiation scheduling. Greedy by priority (ties by id), then a repair pass that
 * moves a blocking meeting to another slot, then an exchange pass that evicts lower-priority
 * meetings when that strictly raises the total. Nobody is double-booked and no table holds two
 * meetings in one slot: both are invariants of every step, not checks at the end.
 */

export interface MeetingRequest {
  id: string;
  a: string;
  b: string;
  /** Higher first; typically the pair's match score, raised for mutual interest. */
  priority: number;
}
export interface ScheduleInput {
  requests: readonly MeetingRequest[];
  /** Slot ids in time order. */
  slots: readonly string[];
  tables: readonly string[];
  /** Participant id → slots they can attend; a participant not listed can attend all. */
  availability?: ReadonlyMap<string, readonly string[]>;
}
export interface Meeting {
  requestId: string;
  a: string;
  b: string;
  slot: string;
  table: string;
  priority: number;
}
export type LeftOutReason = "same_participant" | "no_common_slot" | "participants_busy" | "no_free_table";
export interface ScheduleResult {
  /** Sorted by slot order, then table order. */
  meetings: Meeting[];
  leftOut: { requestId: string; reason: LeftOutReason; priority: number }[];
  totalPriority: number;
  /** A cheap upper bound on what any schedule could reach (feasible requests, capped by table-slots). */
  upperBound: number;
}

interface State {
  S: number;
  T: number;
  avail: Uint8Array;
  busy: Int32Array;
  tablesUsed: Int32Array;
  slotOf: Int32Array;
  pa: Int32Array;
  pb: Int32Array;
}

function canPlace(st: State, r: number, s: number): boolean {
  const a = st.pa[r] ?? 0;
  const b = st.pb[r] ?? 0;
  const S = st.S;
  return st.avail[a * S + s] === 1 && st.avail[b * S + s] === 1 && st.busy[a * S + s] === -1 && st.busy[b * S + s] === -1 && (st.tablesUsed[s] ?? 0) < st.T;
}

function place(st: State, r: number, s: number): void {
  st.busy[(st.pa[r] ?? 0) * st.S + s] = r;
  st.busy[(st.pb[r] ?? 0) * st.S + s] = r;
  st.tablesUsed[s] = (st.tablesUsed[s] ?? 0) + 1;
  st.slotOf[r] = s;
}

function unplace(st: State, r: number): void {
  const s = st.slotOf[r] ?? -1;
  if (s < 0) return;
  st.busy[(st.pa[r] ?? 0) * st.S + s] = -1;
  st.busy[(st.pb[r] ?? 0) * st.S + s] = -1;
  st.tablesUsed[s] = (st.tablesUsed[s] ?? 0) - 1;
  st.slotOf[r] = -1;
}

/** First slot with the most free tables where r fits (spreads load, keeps later repairs possible). */
function bestSlot(st: State, r: number, except = -1): number {
  let best = -1;
  for (let s = 0; s < st.S; s++) {
    if (s === except || !canPlace(st, r, s)) continue;
    if (best < 0 || (st.tablesUsed[s] ?? 0) < (st.tablesUsed[best] ?? 0)) best = s;
  }
  return best;
}

/** Meetings occupying r's participants in slot s (0–2 distinct). */
function blockers(st: State, r: number, s: number): number[] {
  const x = st.busy[(st.pa[r] ?? 0) * st.S + s] ?? -1;
  const y = st.busy[(st.pb[r] ?? 0) * st.S + s] ?? -1;
  return [...new Set([x, y].filter((m) => m >= 0))];
}

/** Tries to fit r into slot s by moving its blockers (or, when only tables are full, one meeting of s) elsewhere. */
function repairInto(st: State, r: number, s: number, lowFirst: readonly number[]): boolean {
  const S = st.S;
  if (st.avail[(st.pa[r] ?? 0) * S + s] !== 1 || st.avail[(st.pb[r] ?? 0) * S + s] !== 1) return false;
  const moved: number[] = [];
  // Nothing else enters slot s during an attempt, so moving meetings back always fits.
  const rollback = (): false => {
    for (const m of moved) {
      unplace(st, m);
      place(st, m, s);
    }
    return false;
  };
  for (const m of blockers(st, r, s)) {
    unplace(st, m);
    const to = bestSlot(st, m, s);
    if (to < 0) {
      place(st, m, s);
      return rollback();
    }
    place(st, m, to);
    moved.push(m);
  }
  if (!canPlace(st, r, s)) {
    for (const m of lowFirst) {
      if (st.slotOf[m] !== s) continue;
      unplace(st, m);
      const to = bestSlot(st, m, s);
      if (to >= 0) {
        place(st, m, to);
        moved.push(m);
        break;
      }
      place(st, m, s);
    }
    if (!canPlace(st, r, s)) return rollback();
  }
  place(st, r, s);
  return true;
}

/** Evicts meetings worth less than r from the cheapest slot, if any, and places r there. Returns the evicted. */
function exchange(st: State, r: number, prio: Float64Array, lowFirst: readonly number[]): number[] | undefined {
  const S = st.S;
  let bestS = -1;
  let bestCost = prio[r] ?? 0;
  let bestEvict: number[] = [];
  for (let s = 0; s < S; s++) {
    if (st.avail[(st.pa[r] ?? 0) * S + s] !== 1 || st.avail[(st.pb[r] ?? 0) * S + s] !== 1) continue;
    const evict = blockers(st, r, s);
    if ((st.tablesUsed[s] ?? 0) - evict.length >= st.T) {
      const cheapest = lowFirst.find((m) => st.slotOf[m] === s && !evict.includes(m));
      if (cheapest === undefined) continue;
      evict.push(cheapest);
    }
    const cost = evict.reduce((acc, m) => acc + (prio[m] ?? 0), 0);
    if (cost < bestCost) {
      bestCost = cost;
      bestS = s;
      bestEvict = evict;
    }
  }
  if (bestS < 0) return undefined;
  for (const m of bestEvict) unplace(st, m);
  place(st, r, bestS);
  return bestEvict;
}

/** Schedules meetings; deterministic for a given input. */
export function scheduleMeetings(input: ScheduleInput): ScheduleResult {
  const { requests, slots, tables } = input;
  const S = slots.length;
  const people = new Map<string, number>();
  const pid = (id: string): number => {
    let i = people.get(id);
    if (i === undefined) {
      i = people.size;
      people.set(id, i);
    }
    return i;
  };
  const R = requests.length;
  const pa = new Int32Array(R);
  const pb = new Int32Array(R);
  const prio = new Float64Array(R);
  requests.forEach((q, i) => {
    pa[i] = pid(q.a);
    pb[i] = pid(q.b);
    prio[i] = q.priority;
  });
  const slotIndex = new Map(slots.map((s, i) => [s, i]));
  const avail = new Uint8Array(people.size * S).fill(1);
  for (const [id, list] of input.availability ?? []) {
    const p = people.get(id);
    if (p === undefined) continue;
    avail.fill(0, p * S, (p + 1) * S);
    for (const s of list) {
      const si = slotIndex.get(s);
      if (si !== undefined) avail[p * S + si] = 1;
    }
  }
  const st: State = { S, T: tables.length, avail, busy: new Int32Array(people.size * S).fill(-1), tablesUsed: new Int32Array(S), slotOf: new Int32Array(R).fill(-1), pa, pb };
  const byId = (x: number, y: number): number => {
    const a = requests[x]?.id ?? "";
    const b = requests[y]?.id ?? "";
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const order = Array.from({ length: R }, (_, i) => i).sort((x, y) => (prio[y] ?? 0) - (prio[x] ?? 0) || byId(x, y));
  const lowFirst = [...order].reverse();
  const valid = (r: number): boolean => pa[r] !== pb[r];
  for (const r of order) {
    if (!valid(r)) continue;
    const s = bestSlot(st, r);
    if (s >= 0) place(st, r, s);
  }
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const r of order) {
      if (!valid(r) || (st.slotOf[r] ?? -1) >= 0) continue;
      for (let s = 0; s < S && (st.slotOf[r] ?? -1) < 0; s++) if (repairInto(st, r, s, lowFirst)) changed = true;
      if ((st.slotOf[r] ?? -1) >= 0) continue;
      const evicted = exchange(st, r, prio, lowFirst);
      if (evicted === undefined) continue;
      changed = true;
      for (const m of evicted) {
        const s = bestSlot(st, m);
        if (s >= 0) place(st, m, s);
      }
    }
    if (!changed) break;
  }
  return assemble(input, st, order, prio, valid);
}

function assemble(input: ScheduleInput, st: State, order: readonly number[], prio: Float64Array, valid: (r: number) => boolean): ScheduleResult {
  const { requests, slots, tables } = input;
  const S = st.S;
  const meetings: Meeting[] = [];
  const leftOut: ScheduleResult["leftOut"] = [];
  const nextTable = new Int32Array(S);
  let totalPriority = 0;
  let feasible: number[] = [];
  for (const r of order) {
    const q = requests[r];
    if (q === undefined) continue;
    const s = st.slotOf[r] ?? -1;
    if (s >= 0) {
      const t = nextTable[s] ?? 0;
      nextTable[s] = t + 1;
      meetings.push({ requestId: q.id, a: q.a, b: q.b, slot: slots[s] ?? "", table: tables[t] ?? "", priority: q.priority });
      totalPriority += q.priority;
      feasible.push(q.priority);
      continue;
    }
    let common = false;
    let peopleFree = false;
    for (let k = 0; k < S; k++) {
      const a = (st.pa[r] ?? 0) * S + k;
      const b = (st.pb[r] ?? 0) * S + k;
      if (st.avail[a] !== 1 || st.avail[b] !== 1) continue;
      common = true;
      if (st.busy[a] === -1 && st.busy[b] === -1) peopleFree = true;
    }
    const reason: LeftOutReason = !valid(r) ? "same_participant" : !common ? "no_common_slot" : peopleFree ? "no_free_table" : "participants_busy";
    if (common && valid(r)) feasible.push(q.priority);
    leftOut.push({ requestId: q.id, reason, priority: q.priority });
  }
  feasible = feasible.sort((x, y) => y - x).slice(0, S * tables.length);
  const slotPos = new Map(slots.map((s, i) => [s, i]));
  const tablePos = new Map(tables.map((t, i) => [t, i]));
  meetings.sort((x, y) => (slotPos.get(x.slot) ?? 0) - (slotPos.get(y.slot) ?? 0) || (tablePos.get(x.table) ?? 0) - (tablePos.get(y.table) ?? 0));
  return { meetings, leftOut, totalPriority, upperBound: feasible.reduce((acc, p) => acc + p, 0) };
}
