import { Text } from '@tarojs/components';
import { a11y } from '../../../components/a11y';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { VisitFigures } from '../../components/visit-figures';
import { V } from '../../visits-texts';
import '../../components/desk.css';
import '../../components/visits.css';

/** 我的上门代办: the worker's own visit figures over the last 30 days. */
export default function VisitStatsPage() {
  const current = useSession({ required: true });
  return (
    <Screen className='wv elder-floor'>
      <Text className='page-title' {...a11y('heading')}>{V.figures.mine}</Text>
      <Text className='hint'>{V.figures.mineHint}</Text>
      <VisitFigures scope='me' days={30} title={V.figures.last30} token={current?.token} />
    </Screen>
  );
}
