import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatMonthDayTime } from '@gridtong/shared/deadlines/beijing-format';
import { a11y } from '../../components/a11y';
import { ChipRow, ChoiceChip } from '../../components/chip';
import { B } from '../texts';
import type { SlotsResponse, SlotView } from '../services/booking-api';

export const slotKey = (s: Pick<SlotView, 'workerId' | 'start'>) => `${s.workerId}@${s.start}`;

/**
 * The next 14 days as a row of day buttons (with how many slots each has), then the chosen
 * day's free times as big buttons. Starts on the first day that has a free slot.
 */
export function SlotPicker({ days, selected, onPick }: { days: SlotsResponse['days']; selected?: SlotView; onPick: (s: SlotView) => void }) {
  const firstOpen = days.find((d) => d.slots.length > 0)?.date ?? days[0]?.date;
  const [date, setDate] = useState(selected?.date ?? firstOpen);
  if (!days.some((d) => d.slots.length > 0)) return <Text className='alert-box' {...a11y('status')}>{B.book.noSlotsAtAll}</Text>;
  const day = days.find((d) => d.date === date) ?? days[0]!;
  return (
    <View>
      <ChipRow label='日期' scroll>
        {days.map((d) => {
          const on = d.date === day.date;
          const label = `${d.label}，${B.book.daySlots(d.slots.length)}`;
          return (
            <ChoiceChip key={d.date} tile className={`bk-day${d.slots.length === 0 ? ' bk-day--full' : ''}`} on={on} label={label} onPick={() => setDate(d.date)}>
              <Text>{d.label}</Text>
              <Text>{B.book.daySlots(d.slots.length)}</Text>
            </ChoiceChip>
          );
        })}
      </ChipRow>
      {day.slots.length === 0 ? <Text className='hint'>{B.book.noSlotsDay}</Text> : null}
      <SlotButtons slots={day.slots} selected={selected} onPick={onPick} name={day.label} />
    </View>
  );
}

/** Free times as big buttons: a day's slots, or the alternatives a lost race offers. */
export function SlotButtons({ slots, selected, onPick, name, withDate }: { slots: SlotView[]; selected?: SlotView; onPick: (s: SlotView) => void; name: string; withDate?: boolean }) {
  return (
    <View className='bk-slots' {...a11y('radiogroup', name)}>
      {slots.map((s) => {
        const on = !!selected && slotKey(selected) === slotKey(s);
        const time = withDate ? formatMonthDayTime(s.start) : s.time;
        return (
          <ChoiceChip key={slotKey(s)} tile className='bk-slot' on={on} label={B.book.slotLabel(time, s.workerName)} onPick={() => onPick(s)}>
            <Text className='bk-slot-time'>{time}</Text>
            <Text className='bk-slot-who'>{s.workerName}</Text>
          </ChoiceChip>
        );
      })}
    </View>
  );
}
