import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { RATING_TAGS_BY_LEVEL, SATISFACTION_LABELS } from '@gridtong/shared/labels';
import type { ResponseOf } from '../../services/api-types';
import { a11y } from '../a11y';
import { type RateAction, type RatingTag, type ReopenAction, type Satisfaction } from '../../services/api-track';
import { T } from '../../texts';
import { errorText } from '../../hooks/error-text';
import './index.css';

/** The five faces, best first, as 政务服务好差评 lists them. */
const FACES: readonly { level: Satisfaction; face: string }[] = [
  { level: 'verySatisfied', face: '😄' },
  { level: 'satisfied', face: '🙂' },
  { level: 'basicallySatisfied', face: '😐' },
  { level: 'dissatisfied', face: '🙁' },
  { level: 'veryDissatisfied', face: '😣' },
];

export const isBadRating = (level: Satisfaction | undefined): boolean => level === 'dissatisfied' || level === 'veryDissatisfied';

export interface RatingPanelProps {
  c: ResponseOf<'act-on-my-case'>;
  /** Sends one action; resolves when the answer is shown, rejects with a message to show. */
  send: (action: RateAction | ReopenAction, doneMessage: string) => Promise<void>;
  busy: boolean;
}

function RateForm({ c, send, busy }: RatingPanelProps) {
  const [level, setLevel] = useState<Satisfaction | undefined>();
  const [tags, setTags] = useState<RatingTag[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();

  const offered = level ? RATING_TAGS_BY_LEVEL[level] : [];
  const toggle = (tag: RatingTag) => setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]));
  // A tag chosen for one level does not ride along to another it does not fit.
  const choose = (l: Satisfaction) => {
    setLevel(l);
    setTags((t) => t.filter((tag) => RATING_TAGS_BY_LEVEL[l].includes(tag)));
  };
  const submit = async () => {
    if (!level) {
      setError(T.rating.chooseFirst);
      return;
    }
    setError(undefined);
    const action: RateAction = { type: 'rate', level, version: c.version, ...(tags.length ? { tags } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) };
    try {
      await send(action, isBadRating(level) ? T.rating.doneBad : T.rating.done);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <View className='card rating' {...a11y('region', T.rating.title)}>
      <Text className='field-label'>{T.rating.title}</Text>
      <Text className='hint'>{T.rating.hint}</Text>
      <View className='rating-faces' {...a11y('radiogroup', T.rating.levelLabel)}>
        {FACES.map(({ level: l, face }) => (
          <View
            key={l}
            className={`rating-face tap${level === l ? ' chosen' : ''}`}
            {...a11y('radio', SATISFACTION_LABELS[l])}
            aria-checked={level === l}
            onClick={() => choose(l)}
          >
            <Text className='rating-emoji'>{face}</Text>
            <Text className='rating-face-label'>{SATISFACTION_LABELS[l]}</Text>
          </View>
        ))}
      </View>
      {offered.length ? (
        <>
          <Text className='field-label'>{T.rating.tagsLabel}</Text>
          <View className='rating-tags'>
            {offered.map((tag) => (
              <View key={tag} className={`rating-tag tap${tags.includes(tag) ? ' chosen' : ''}`} {...a11y('checkbox', tag)} aria-checked={tags.includes(tag)} onClick={() => toggle(tag)}>
                <Text>{tags.includes(tag) ? `✓ ${tag}` : tag}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      <Text className='field-label'>{T.rating.commentLabel}</Text>
      <Textarea className='text-area' value={comment} placeholder={T.rating.commentPlaceholder} maxlength={500} ariaLabel={T.rating.commentLabel} onInput={(e) => setComment(e.detail.value)} />
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <Button block size='large' type='primary' className='big-button gap' loading={busy} onClick={() => void submit()}>
        {T.rating.submit}
      </Button>
    </View>
  );
}

function ReopenForm({ c, send, busy }: RatingPanelProps) {
  // What the resident just wrote in the rating is usually the reason: start from it.
  const [reason, setReason] = useState(() => c.rating?.comment ?? '');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    if (!reason.trim()) {
      setError(T.rating.reopenReasonRequired);
      return;
    }
    setError(undefined);
    try {
      await send({ type: 'requestReopen', reason: reason.trim(), version: c.version }, T.rating.reopenDone);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <View className='card rating' {...a11y('region', T.rating.reopenTitle)}>
      <Text className='field-label'>{T.rating.reopenTitle}</Text>
      <Text className='hint'>{T.rating.reopenHint}</Text>
      <Textarea className='text-area' value={reason} placeholder={T.rating.reopenPlaceholder} maxlength={500} ariaLabel={T.rating.reopenReason} onInput={(e) => setReason(e.detail.value)} />
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <Button block size='large' type='primary' className='big-button gap' loading={busy} onClick={() => void submit()}>
        {T.rating.reopenSubmit}
      </Button>
    </View>
  );
}

/** A follower's own satisfaction vote on a finished case (counted apart from the reporter's rating). */
export function FollowerVote({ vote }: { vote: (level: Satisfaction) => Promise<string> }) {
  const [level, setLevel] = useState<Satisfaction | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const submit = async () => {
    if (!level) {
      setResult({ ok: false, text: T.rating.chooseFirst });
      return;
    }
    setBusy(true);
    try {
      setResult({ ok: true, text: await vote(level) });
    } catch (e) {
      setResult({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card rating' {...a11y('region', T.rating.voteTitle)}>
      <Text className='field-label'>{T.rating.voteTitle}</Text>
      <Text className='hint'>{T.rating.voteHint}</Text>
      <View className='rating-faces' {...a11y('radiogroup', T.rating.levelLabel)}>
        {FACES.map(({ level: l, face }) => (
          <View key={l} className={`rating-face tap${level === l ? ' chosen' : ''}`} {...a11y('radio', SATISFACTION_LABELS[l])} aria-checked={level === l} onClick={() => setLevel(l)}>
            <Text className='rating-emoji'>{face}</Text>
            <Text className='rating-face-label'>{SATISFACTION_LABELS[l]}</Text>
          </View>
        ))}
      </View>
      {result ? <Text className={result.ok ? 'hint rating-voted' : 'error-text'} {...a11y(result.ok ? 'status' : 'alert')}>{result.text}</Text> : null}
      <Button block size='large' type='primary' className='big-button gap' loading={busy} onClick={() => void submit()}>
        {T.rating.voteSubmit}
      </Button>
    </View>
  );
}

/**
 * 评价 on a finished case: five faces, tags and a comment; after 不满意 / 非常不满意 the
 * resident may ask for 重办 with a reason. What shows follows the server's availableActions.
 */
export function RatingPanel(props: RatingPanelProps) {
  const { c } = props;
  const actions = c.availableActions ?? [];
  const rating = c.rating;
  return (
    <>
      {actions.includes('rate') ? <RateForm {...props} /> : null}
      {rating && !actions.includes('rate') ? (
        <View className='card' {...a11y('region', T.rating.mine)}>
          <Text className='field-label'>{T.rating.mine}</Text>
          <Text className='rating-given'>{SATISFACTION_LABELS[rating.level]}</Text>
          {rating.comment ? <Text className='hint'>{rating.comment}</Text> : null}
          {c.reopenRequested ? <Text className='hint rating-waiting' {...a11y('status')}>{T.rating.reopenWaiting}</Text> : null}
        </View>
      ) : null}
      {actions.includes('requestReopen') ? <ReopenForm {...props} /> : null}
    </>
  );
}
