import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import './index.css';

/**
 * What a label chip says, by meaning: `info` (in progress, a count), `ok` (done), `muted`
 * (stopped, mine), `warn` (needs attention), `danger` (urged, returned, escalated), `accent`
 * (followed), `solid` (unread, opened from a message), or one of the deadline lights.
 */
export type ChipTone = 'info' | 'ok' | 'muted' | 'warn' | 'danger' | 'accent' | 'solid' | 'none' | 'yellow' | 'orange' | 'red' | 'overdue';

interface LabelProps {
  tone?: ChipTone;
  className?: string;
}

interface ChoiceProps {
  /** Whether this choice is the one picked. */
  on: boolean;
  onPick: () => void;
  /** What a screen reader says for it. */
  label: string;
  /** A radio in a radiogroup (the default), or a tab in a tablist. */
  role?: 'radio' | 'tab';
  /** Two lines stacked (a day and its count, a time and who): a wider tile. */
  tile?: boolean;
  className?: string;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

/** A short label on tint: a status, a deadline light, a count. */
export function Chip({ tone = 'info', className, children }: PropsWithChildren<LabelProps>) {
  return <Text className={classes('gt-chip', `gt-chip--${tone}`, className)}>{children}</Text>;
}

/** One of a few choices, a tap target at least the token's size. */
export function ChoiceChip({ on, onPick, label, role = 'radio', tile, className, children }: PropsWithChildren<ChoiceProps>) {
  const state = role === 'tab' ? { 'aria-selected': on ? 'true' : 'false' } : { 'aria-checked': on ? 'true' : 'false' };
  return (
    <View className={classes('gt-chip', 'gt-chip--choice', tile && 'gt-chip--tile', on && 'gt-chip--on', className)} {...a11y(role, label)} {...state} onClick={onPick}>
      {children}
    </View>
  );
}

/** A row of chips that wraps; `scroll` keeps it one line that scrolls sideways (a day strip). */
export function ChipRow({ label, role = 'radiogroup', scroll, className, children }: PropsWithChildren<{ label?: string; role?: 'radiogroup' | 'tablist' | 'list'; scroll?: boolean; className?: string }>) {
  return <View className={classes('gt-chips', scroll && 'gt-chips--scroll', className)} {...a11y(role, label)}>{children}</View>;
}
