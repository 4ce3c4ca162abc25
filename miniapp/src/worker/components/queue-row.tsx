import { Text, View } from '@tarojs/components';
import { WARNING_STAGE_LABELS } from '@gridtong/shared/deadlines/labels';
import { CASE_STATUS_LABELS } from '@gridtong/shared/labels';
import { a11y } from '../../components/a11y';
import { Chip } from '../../components/chip';
import { caseNumberLine } from '../../services/format';
import { formatTime, timeLeft, type WarningStage, type WorkCaseRow } from '../services/desk-model';
import { W } from '../texts';

export function StageBadge({ stage }: { stage: WarningStage }) {
  return <Chip tone={stage}>{WARNING_STAGE_LABELS[stage]}</Chip>;
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
        {row.caseNumber ? <Text className='wd-row-meta wd-row-number'>{caseNumberLine(row.caseNumber)}</Text> : null}
        <Text className='wd-row-meta'>{[row.gridName, row.address].filter(Boolean).join(' · ')}</Text>
        {showDepartment && row.departmentName ? <Text className='wd-row-meta'>{W.row.department(row.departmentName)}</Text> : null}
        {row.urgeCount > 0 || row.followerCount > 0 || row.returnCount > 0 || row.escalationLevel > 0 || row.pendingRequest ? (
          <View className='wd-tags'>
            {row.pendingRequest ? <Chip tone='danger'>{W.row.pending[row.pendingRequest]}</Chip> : null}
            {row.urgeCount > 0 ? <Chip tone='danger'>{W.row.urges(row.urgeCount)}</Chip> : null}
            {row.returnCount > 0 ? <Chip tone='danger'>{W.row.returns(row.returnCount)}</Chip> : null}
            {row.escalationLevel > 0 ? <Chip tone='danger'>{W.row.escalated}</Chip> : null}
            {row.followerCount > 0 ? <Chip>{W.row.followers(row.followerCount)}</Chip> : null}
          </View>
        ) : null}
      </View>
    </View>
  );
}
