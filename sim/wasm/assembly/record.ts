// Phase 11's subgroup sums (sim/record/recorder.ts subgroupSumsKernel), with its bits.
import { f64At, i32At, lowerBound } from './memory';

/**
 * Σ values[members[m] · stride + offset] over m in first … end − 1 of doubles, in the four
 * interleaved sums of recorder.ts memberSum (lane m − first mod 4, the rest in the first).
 * Where the members are consecutive persons (everyone, within a chunk) there is no list to read,
 * and with stride 1 the lanes go two at a time.
 */
function doubleSum(valuesP: usize, stride: i32, offset: i32, membersP: usize, first: i32, end: i32): f64 {
  let s0: f64 = 0;
  let s1: f64 = 0;
  let s2: f64 = 0;
  let s3: f64 = 0;
  let m = first;
  const consecutive = end > first && i32At(membersP, end - 1) - i32At(membersP, first) == end - 1 - first;
  if (consecutive && stride == 1) {
    const at = valuesP + (<usize>(i32At(membersP, first) + offset) << 3) - (<usize>first << 3);
    let lanes01 = f64x2.splat(0);
    let lanes23 = f64x2.splat(0);
    for (; m + 3 < end; m += 4) {
      const p = at + (<usize>m << 3);
      lanes01 = f64x2.add(lanes01, v128.load(p));
      lanes23 = f64x2.add(lanes23, v128.load(p, 16));
    }
    s0 = f64x2.extract_lane(lanes01, 0);
    s1 = f64x2.extract_lane(lanes01, 1);
    s2 = f64x2.extract_lane(lanes23, 0);
    s3 = f64x2.extract_lane(lanes23, 1);
    for (; m < end; m++) s0 += load<f64>(at + (<usize>m << 3));
  } else if (consecutive) {
    const base = (i32At(membersP, first) - first) * stride + offset;
    for (; m + 3 < end; m += 4) {
      s0 += f64At(valuesP, base + m * stride);
      s1 += f64At(valuesP, base + (m + 1) * stride);
      s2 += f64At(valuesP, base + (m + 2) * stride);
      s3 += f64At(valuesP, base + (m + 3) * stride);
    }
    for (; m < end; m++) s0 += f64At(valuesP, base + m * stride);
  } else {
    for (; m + 3 < end; m += 4) {
      s0 += f64At(valuesP, i32At(membersP, m) * stride + offset);
      s1 += f64At(valuesP, i32At(membersP, m + 1) * stride + offset);
      s2 += f64At(valuesP, i32At(membersP, m + 2) * stride + offset);
      s3 += f64At(valuesP, i32At(membersP, m + 3) * stride + offset);
    }
    for (; m < end; m++) s0 += f64At(valuesP, i32At(membersP, m) * stride + offset);
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * The same sum of bytes. Their sums in doubles are whole numbers below 2^53, exact in any order,
 * so counting them in integers gives the JavaScript kernel's bits; consecutive members are
 * counted sixteen bytes at a time.
 */
function byteSum(valuesP: usize, stride: i32, offset: i32, membersP: usize, first: i32, end: i32): f64 {
  let count: i32 = 0;
  let m = first;
  const consecutive = end > first && i32At(membersP, end - 1) - i32At(membersP, first) == end - 1 - first;
  if (consecutive && stride == 1) {
    const at = valuesP + <usize>(i32At(membersP, first) + offset) - <usize>first;
    let lanes = i32x4.splat(0);
    for (; m + 15 < end; m += 16) lanes = i32x4.add(lanes, i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(v128.load(at + <usize>m))));
    count = i32x4.extract_lane(lanes, 0) + i32x4.extract_lane(lanes, 1) + i32x4.extract_lane(lanes, 2) + i32x4.extract_lane(lanes, 3);
    for (; m < end; m++) count += load<u8>(at + <usize>m);
  } else {
    for (; m < end; m++) count += load<u8>(valuesP + <usize>(i32At(membersP, m) * stride + offset));
  }
  return <f64>count;
}

/**
 * The sums of persons `from … to − 1`, per chunk, subgroup and mean outcome, into
 * `sumsP[(chunk · S + s) · O + o]`, and wellbeing counted into the slot's histograms. The table
 * at `tableP` describes, per outcome, its column (at, bytes a value, stride, offset: four int32),
 * then per subgroup its members (at, length).
 */
export function subgroupSums(from: i32, to: i32, chunk: i32, subgroups: i32, outcomes: i32, bins: i32, tableP: usize, wbP: usize, sumsP: usize, histogramsP: usize): void {
  const membersTable = tableP + (<usize>(4 * outcomes) << 2);
  for (let c = from / chunk; c * chunk < to; c++) {
    const chunkEnd = min(to, (c + 1) * chunk);
    for (let s = 0; s < subgroups; s++) {
      const membersP = <usize>i32At(membersTable, 2 * s);
      const length = i32At(membersTable, 2 * s + 1);
      const first = lowerBound(membersP, length, c * chunk);
      const end = lowerBound(membersP, length, chunkEnd);
      const at = (c * subgroups + s) * outcomes;
      for (let o = 0; o < outcomes; o++) {
        const valuesP = <usize>i32At(tableP, 4 * o);
        const stride = i32At(tableP, 4 * o + 2);
        const offset = i32At(tableP, 4 * o + 3);
        const sum = i32At(tableP, 4 * o + 1) == 8 ? doubleSum(valuesP, stride, offset, membersP, first, end) : byteSum(valuesP, stride, offset, membersP, first, end);
        store<f64>(sumsP + (<usize>(at + o) << 3), sum);
      }
      const hist = histogramsP + (<usize>(s * bins) << 2);
      for (let m = first; m < end; m++) {
        const bin = <i32>Math.min(<f64>(bins - 1), Math.floor(f64At(wbP, i32At(membersP, m)) * <f64>bins));
        const p = hist + (<usize>bin << 2);
        store<i32>(p, load<i32>(p) + 1);
      }
    }
  }
}
