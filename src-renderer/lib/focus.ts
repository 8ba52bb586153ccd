// Focus that follows the call script: the steps of a form carry `data-step`; Enter moves to the
// next one, as Tab does, so the operator's hands stay on the keyboard.

import type { KeyboardEvent } from 'react';

const STEP = '[data-step]';

function steps(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(STEP)].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0);
}

function nextStep(from: Element): HTMLElement | undefined {
  const root = from.closest('[data-script]') ?? document;
  const all = steps(root);
  const current = all.findIndex((el) => el === from || el.contains(from));
  return current < 0 ? undefined : all[current + 1];
}

/** Focuses the step after the one holding `from` (within the nearest `[data-script]`). */
export function focusNextStep(from: Element): boolean {
  const next = nextStep(from);
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  return true;
}

/** Focuses the element with this id once React has drawn it. */
export function focusSoon(id: string, tries = 10): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (tries > 0) focusSoon(id, tries - 1);
  });
}

/** Focuses the first step inside the element with this id once drawn. */
export function focusFirstStepIn(containerId: string, tries = 10): void {
  requestAnimationFrame(() => {
    const container = document.getElementById(containerId);
    const first = container && steps(container)[0];
    if (first) first.focus();
    else if (tries > 0) focusFirstStepIn(containerId, tries - 1);
  });
}

/**
 * A form's keydown: Enter in a step (not a button, not Shift+Enter) moves to the next step; in the
 * last step it does what Enter does in a form (submits).
 */
export function enterMovesOn(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (!target.matches(STEP) || target.tagName === 'BUTTON') return;
  if (!nextStep(target)) return;
  e.preventDefault();
  focusNextStep(target);
}

/** Props that make a select TextField's visible part a script step. */
export const selectStep = { select: { SelectDisplayProps: { 'data-step': true } as object } };

/** The DOM id of a command field (`reporter.email` → `intake-reporter-email`). */
export const fieldId = (form: string, path: string) => `${form}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
