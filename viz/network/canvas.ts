/**
 * One arm's network on a canvas: persons coloured by wellbeing (lonely ones ringed), ties coloured
 * by layer — solid face-to-face, dashed remote, faint grey when a lockdown closed them — self-help
 * groups as a symbol joined to their members, formal services as squares round the ring.
 *
 * Ties change only on the days events change channels, so they are drawn once into a layer and
 * copied each frame; groups, services and persons are drawn every frame, persons in colour bins
 * (one fill per bin), their colour moving smoothly from one day's wellbeing to the next.
 */
import { quadtree, type Quadtree } from 'd3';
import { CHANNEL, MEETING, MODE, TIE_LAYERS } from '../../sim/index.ts';
import type { ArmFrame, ArmInfo } from '../engine/protocol.ts';
import { GROUP_COLOURS, LAYER_COLOURS, wellbeingColour } from '../palette.ts';

/** How strongly each layer's face-to-face ties show: chords across the ring would otherwise hide it. */
const TIE_ALPHA = [0.55, 0.05, 0.2, 0.4, 0.035];
const BINS = 48;
const BIN_COLOURS = Array.from({ length: BINS }, (_, b) => wellbeingColour(0.5 + (0.5 * (b + 0.5)) / BINS));
const binOf = (wb: number) => Math.max(0, Math.min(BINS - 1, Math.floor(((wb - 0.5) / 0.5) * BINS)));

export interface DrawStats {
  persons: number;
  faceToFace: number;
  remote: number;
  closed: number;
  groups: number;
  onlineGroups: number;
}

export class NetworkView {
  readonly canvas: HTMLCanvasElement;
  private readonly info: ArmInfo;
  private readonly xy: Float32Array;
  /** Every tie once: its two persons, layer and one of its half-edges. */
  private readonly tieA: Int32Array;
  private readonly tieB: Int32Array;
  private readonly tieLayer: Uint8Array;
  private readonly tieHalf: Int32Array;
  private readonly servicePos: Float32Array;
  private readonly tiesLayer: HTMLCanvasElement;
  private tiesDirty = true;
  private frame: ArmFrame | null = null;
  private previousWb: Float32Array | null = null;
  private formalRemote = false;
  private formalCapacity = 1;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private scale = 1;
  private tree: Quadtree<number> | null = null;
  selected: number | null = null;
  readonly stats: DrawStats = { persons: 0, faceToFace: 0, remote: 0, closed: 0, groups: 0, onlineGroups: 0 };
  private readonly bins = new Int32Array(BINS + 1);
  private readonly order: Int32Array;
  private readonly binned: Uint8Array;

  constructor(canvas: HTMLCanvasElement, info: ArmInfo, layout: Float32Array) {
    this.canvas = canvas;
    this.info = info;
    this.xy = layout;
    this.order = new Int32Array(info.n);
    this.binned = new Uint8Array(info.n);
    const L = TIE_LAYERS.length;
    const a: number[] = [];
    const b: number[] = [];
    const layer: number[] = [];
    const half: number[] = [];
    for (let i = 0; i < info.n; i++) {
      for (let l = 0; l < L; l++) {
        for (let e = info.offsets[i * L + l]; e < info.offsets[i * L + l + 1]; e++) {
          if (i >= info.neighbour[e]) continue;
          a.push(i);
          b.push(info.neighbour[e]);
          layer.push(l);
          half.push(e);
        }
      }
    }
    this.tieA = Int32Array.from(a);
    this.tieB = Int32Array.from(b);
    this.tieLayer = Uint8Array.from(layer);
    this.tieHalf = Int32Array.from(half);
    // A service sits outside the ring, level with the middle of its clients.
    this.servicePos = new Float32Array(2 * info.services);
    const sums = new Float64Array(2 * info.services);
    for (let i = 0; i < info.n; i++) {
      sums[2 * info.service[i]] += layout[2 * i];
      sums[2 * info.service[i] + 1] += layout[2 * i + 1];
    }
    for (let s = 0; s < info.services; s++) {
      const angle = Math.atan2(sums[2 * s + 1], sums[2 * s]);
      this.servicePos[2 * s] = 1.08 * Math.cos(angle);
      this.servicePos[2 * s + 1] = 1.08 * Math.sin(angle);
    }
    this.tiesLayer = document.createElement('canvas');
    this.resize();
  }

  /** Person radius in CSS pixels: smaller dots for bigger populations. */
  private get radius(): number {
    return Math.max(1.3, Math.min(3.2, 2.5 * Math.sqrt(2000 / this.info.n) * (this.scale / 170)));
  }

  px(i: number): number {
    return this.width / 2 + this.scale * this.xy[2 * i];
  }

  py(i: number): number {
    return this.height / 2 + this.scale * this.xy[2 * i + 1];
  }

  /** Fits the canvas to its box (device pixels) and the ring to the canvas. */
  resize(): void {
    const box = this.canvas.getBoundingClientRect();
    this.dpr = window.devicePixelRatio || 1;
    this.width = Math.max(100, box.width);
    this.height = Math.max(100, box.height);
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.tiesLayer.width = this.canvas.width;
    this.tiesLayer.height = this.canvas.height;
    this.scale = Math.min(this.width, this.height) / 2 / 1.13;
    this.tree = quadtree<number>()
      .x((i) => this.px(i))
      .y((i) => this.py(i))
      .addAll(Array.from({ length: this.info.n }, (_, i) => i));
    this.tiesDirty = true;
  }

  /** A new day: its wellbeing becomes the colour to move towards. */
  setFrame(frame: ArmFrame, formalRemote: boolean, formalCapacity: number): void {
    const old = this.frame;
    this.previousWb = old ? old.wb : null;
    if (!old || !sameBytes(old.channel, frame.channel)) this.tiesDirty = true;
    this.frame = frame;
    this.formalRemote = formalRemote;
    this.formalCapacity = formalCapacity;
  }

  /** Jumps (a scrub, a new run): no movement from the previous colours. */
  settle(): void {
    this.previousWb = null;
  }

  personAt(clientX: number, clientY: number, within = 10): number {
    const box = this.canvas.getBoundingClientRect();
    const found = this.tree?.find(clientX - box.left, clientY - box.top, within);
    return found ?? -1;
  }

  private drawTies(): void {
    const frame = this.frame;
    if (!frame) return;
    const ctx = this.tiesLayer.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.tiesLayer.width, this.tiesLayer.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const counts = { faceToFace: 0, remote: 0, closed: 0 };
    // Closed ties first and faintest, then face-to-face, then remote on top.
    for (const channel of [CHANNEL.closed, CHANNEL.faceToFace, CHANNEL.remote]) {
      for (let l = 0; l < TIE_LAYERS.length; l++) {
        ctx.beginPath();
        let drawn = 0;
        for (let t = 0; t < this.tieA.length; t++) {
          if (this.tieLayer[t] !== l || frame.channel[this.tieHalf[t]] !== channel) continue;
          ctx.moveTo(this.px(this.tieA[t]), this.py(this.tieA[t]));
          ctx.lineTo(this.px(this.tieB[t]), this.py(this.tieB[t]));
          drawn++;
        }
        if (!drawn) continue;
        if (channel === CHANNEL.closed) {
          counts.closed += drawn;
          ctx.strokeStyle = '#9a9aa0';
          ctx.globalAlpha = 0.07;
          ctx.lineWidth = 0.5;
          ctx.setLineDash([1, 3]);
        } else if (channel === CHANNEL.remote) {
          counts.remote += drawn;
          ctx.strokeStyle = LAYER_COLOURS[TIE_LAYERS[l]];
          ctx.globalAlpha = Math.min(0.6, TIE_ALPHA[l] * 2.2);
          ctx.lineWidth = 0.8;
          ctx.setLineDash([3, 3]);
        } else {
          counts.faceToFace += drawn;
          ctx.strokeStyle = LAYER_COLOURS[TIE_LAYERS[l]];
          ctx.globalAlpha = TIE_ALPHA[l];
          ctx.lineWidth = 0.7;
          ctx.setLineDash([]);
        }
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    Object.assign(this.stats, counts);
    this.tiesDirty = false;
  }

  /** Draws the frame; `t` ∈ [0, 1] is how far colours have moved from the previous day. */
  draw(t = 1): void {
    const frame = this.frame;
    if (!frame) return;
    if (this.tiesDirty) this.drawTies();
    const ctx = this.canvas.getContext('2d', { alpha: false }) as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.tiesLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.drawSelectedTies(ctx);
    this.drawGroups(ctx, frame);
    this.drawServices(ctx);
    this.drawPersons(ctx, frame, t);
    this.describe();
  }

  private drawSelectedTies(ctx: CanvasRenderingContext2D): void {
    const p = this.selected;
    const frame = this.frame;
    if (p === null || !frame || p >= this.info.n) return;
    const L = TIE_LAYERS.length;
    ctx.lineWidth = 1.6;
    for (let l = 0; l < L; l++) {
      for (let e = this.info.offsets[p * L + l]; e < this.info.offsets[p * L + l + 1]; e++) {
        const c = frame.channel[e];
        ctx.beginPath();
        ctx.strokeStyle = c === CHANNEL.closed ? '#9a9aa0' : LAYER_COLOURS[TIE_LAYERS[l]];
        ctx.setLineDash(c === CHANNEL.remote ? [4, 3] : c === CHANNEL.closed ? [1, 3] : []);
        ctx.moveTo(this.px(p), this.py(p));
        ctx.lineTo(this.px(this.info.neighbour[e]), this.py(this.info.neighbour[e]));
        ctx.stroke();
      }
    }
    ctx.setLineDash([]);
  }

  private drawGroups(ctx: CanvasRenderingContext2D, frame: ArmFrame): void {
    const count = frame.groupAlive.length;
    const sx = new Float64Array(count);
    const sy = new Float64Array(count);
    const members = new Int32Array(count);
    for (let i = 0; i < this.info.n; i++) {
      const g = frame.group[i];
      if (g < 0 || g >= count) continue;
      sx[g] += this.px(i);
      sy[g] += this.py(i);
      members[g]++;
    }
    let groups = 0;
    let online = 0;
    for (const mode of [MODE.faceToFace, MODE.online]) {
      ctx.beginPath();
      for (let i = 0; i < this.info.n; i++) {
        const g = frame.group[i];
        if (g < 0 || g >= count || (frame.groupMode[g] === MODE.online) !== (mode === MODE.online)) continue;
        ctx.moveTo(this.px(i), this.py(i));
        ctx.lineTo(sx[g] / members[g], sy[g] / members[g]);
      }
      ctx.strokeStyle = mode === MODE.online ? GROUP_COLOURS.online : GROUP_COLOURS.faceToFace;
      ctx.globalAlpha = 0.45;
      ctx.lineWidth = 0.7;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    const size = 4.5;
    for (let g = 0; g < count; g++) {
      if (!frame.groupAlive[g] || members[g] === 0) continue;
      groups++;
      const x = sx[g] / members[g];
      const y = sy[g] / members[g];
      const isOnline = frame.groupMode[g] === MODE.online;
      if (isOnline) online++;
      const colour = isOnline ? GROUP_COLOURS.online : GROUP_COLOURS.faceToFace;
      ctx.beginPath();
      if (isOnline) {
        ctx.moveTo(x, y - size);
        ctx.lineTo(x + size, y);
        ctx.lineTo(x, y + size);
        ctx.lineTo(x - size, y);
      } else {
        ctx.moveTo(x, y - size);
        ctx.lineTo(x + size, y + size * 0.8);
        ctx.lineTo(x - size, y + size * 0.8);
      }
      ctx.closePath();
      ctx.fillStyle = frame.groupMeeting[g] !== MEETING.none ? colour : '#ffffff';
      ctx.fill();
      ctx.strokeStyle = frame.groupMode[g] === MODE.hybrid ? GROUP_COLOURS.online : colour;
      ctx.lineWidth = 1.4;
      ctx.stroke();
    }
    this.stats.groups = groups;
    this.stats.onlineGroups = online;
  }

  private drawServices(ctx: CanvasRenderingContext2D): void {
    const side = 5 + 5 * Math.sqrt(Math.max(0, this.formalCapacity));
    for (let s = 0; s < this.info.services; s++) {
      const x = this.width / 2 + this.scale * this.servicePos[2 * s];
      const y = this.height / 2 + this.scale * this.servicePos[2 * s + 1];
      ctx.beginPath();
      ctx.rect(x - side / 2, y - side / 2, side, side);
      ctx.fillStyle = this.formalRemote ? '#ffffff' : LAYER_COLOURS.formal;
      ctx.fill();
      ctx.strokeStyle = LAYER_COLOURS.formal;
      ctx.lineWidth = 1.5;
      ctx.setLineDash(this.formalRemote ? [2, 2] : []);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }

  private drawPersons(ctx: CanvasRenderingContext2D, frame: ArmFrame, t: number): void {
    const n = this.info.n;
    const wb = frame.wb;
    const from = this.previousWb && this.previousWb.length === n && t < 1 ? this.previousWb : null;
    // Counting sort of persons by colour bin, so each colour is one fill.
    const bins = this.bins;
    bins.fill(0);
    const binned = this.binned;
    for (let i = 0; i < n; i++) {
      const value = from ? from[i] + (wb[i] - from[i]) * t : wb[i];
      binned[i] = binOf(value);
      bins[binned[i] + 1]++;
    }
    for (let b = 0; b < BINS; b++) bins[b + 1] += bins[b];
    const cursor = bins.slice(0, BINS);
    for (let i = 0; i < n; i++) this.order[cursor[binned[i]]++] = i;
    const r = this.radius;
    for (let b = 0; b < BINS; b++) {
      if (bins[b] === bins[b + 1]) continue;
      ctx.beginPath();
      for (let k = bins[b]; k < bins[b + 1]; k++) {
        const i = this.order[k];
        const x = this.px(i);
        const y = this.py(i);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = BIN_COLOURS[b];
      ctx.fill();
    }
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (!frame.lonely[i]) continue;
      ctx.moveTo(this.px(i) + r + 1.3, this.py(i));
      ctx.arc(this.px(i), this.py(i), r + 1.3, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = 'rgba(17, 17, 17, 0.8)';
    ctx.lineWidth = 0.75;
    ctx.stroke();
    if (this.selected !== null && this.selected < n) {
      const p = this.selected;
      ctx.beginPath();
      ctx.arc(this.px(p), this.py(p), r + 5, 0, 2 * Math.PI);
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 2.5;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(this.px(p), this.py(p), r + 5, 0, 2 * Math.PI);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    this.stats.persons = n;
  }

  /** What is drawn, for screen readers and the browser tests. */
  private describe(): void {
    const s = this.stats;
    const d = this.canvas.dataset;
    d.persons = String(s.persons);
    d.tiesFaceToFace = String(s.faceToFace);
    d.tiesRemote = String(s.remote);
    d.tiesClosed = String(s.closed);
    d.groups = String(s.groups);
    d.onlineGroups = String(s.onlineGroups);
    const label = `${this.info.name}: ${s.persons} persons; ties ${s.faceToFace} face-to-face, ${s.remote} remote, ${s.closed} closed; ${s.groups} self-help groups, ${s.onlineGroups} online`;
    if (this.canvas.getAttribute('aria-label') !== label) this.canvas.setAttribute('aria-label', label);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
