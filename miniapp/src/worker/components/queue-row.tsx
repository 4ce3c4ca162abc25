import { Text, View } from '@tarojs/components';
import { WARNING_STAGE_LABELS } from '@gridtong/shared/deadlines/labels';
import { CASE_STATUS_LABELS } from '@gridtong/shared/labels';
import { a11y } from '../../components/a11y';
import { formatTime, timeLeft, type WarningStage, type WorkCaseRow } from '../services/desk-model';
import { W } from '../texts';

export function StageBadge({ stage }: { stage: WarningStage }) {
  return <Text className={`wd-badge wd-stage--${stage}`}>{WARNING_STAGE_LABELS[stage]}</Text>;
}

/** One case in a queue: the light, what and where, how long is left, and who is pushing. */
export function QueueRowView({ row, now, onOpen, showDepartment = false }: { row: WorkCaseRow; now: number; onOpen: (id: string) => void; showDepartment?: boolean }) {
  const left = timeLeft(row.deadline, now);
  const label = `${row.itemName}，${WARNING_STAGE_LABELS[row.warning]}，${CASE_STATUS_LABELS[row.status]}`;
  return (
    <View className='wd-row' {...a11y('button', label)} data-case-id={row.id} onClick={() => onOpen(row.id)}>
      <View className={`wd-row-bar wd-bar--${row.warning}`} />
      <View className='wd-row-body'>
        <View className='wd-row-top'>
          <Text className='wd-row-title'>{row.itemName}</Text>
          <StageBadge stage={row.warning} />
        </View>
        <Text className='wd-row-meta'>
          <Text className='wd-row-due'>{left ?? W.row.noDeadline}</Text>
          {row.deadline ? ` · ${formatTime(row.deadline)} · ` : ' · '}
          {row.statusLabel || CASE_STATUS_LABELS[row.status]}
        </Text>
        <Text className='wd-row-meta'>{[row.gridName, row.address].filter(Boolean).join(' · ')}</Text>
        {showDepartment && row.departmentName ? <Text className='wd-row-meta'>{W.row.department(row.departmentName)}</Text> : null}
        {row.urgeCount > 0 || row.followerCount > 0 || row.returnCount > 0 || row.escalationLevel > 0 || row.pendingRequest ? (
          <View className='wd-tags'>
            {row.pendingRequest ? <Text className='wd-tag wd-tag--warn'>{W.row.pending[row.pendingRequest]}</Text> : null}
            {row.urgeCount > 0 ? <Text className='wd-tag wd-tag--warn'>{W.row.urges(row.urgeCount)}</Text> : null}
            {row.returnCount > 0 ? <Text className='wd-tag wd-tag--warn'>{W.row.returns(row.returnCount)}</Text> : null}
            {row.escalationLevel > 0 ? <Text className='wd-tag wd-tag--warn'>{W.row.escalated}</Text> : null}
            {row.followerCount > 0 ? <Text className='wd-tag'>{W.row.followers(row.followerCount)}</Text> : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}
