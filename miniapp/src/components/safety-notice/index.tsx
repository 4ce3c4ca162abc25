import { Text, View } from '@tarojs/components';
import { hotlineNumber, type Hotline } from '@gridtong/shared/report/hotlines';
import { platform } from '../../services/platform';
import { T } from '../../texts';
import { a11y } from '../a11y';
import './index.css';

/** One large button that dials a hotline at once (WeChat's call sheet; a tel: link in H5). */
export function HotlineButton({ hotline, districtCode, urgent = false }: { hotline: Hotline; districtCode?: string | undefined; urgent?: boolean }) {
  const number = hotlineNumber(hotline, districtCode);
  return (
    <View
      className={`tap hotline${urgent ? ' hotline-urgent' : ''}`}
      {...a11y('button', T.safety.call(hotline.name, number))}
      onClick={() => platform.makePhoneCall(number)}
    >
      <Text className='hotline-text'>{`📞 ${T.safety.callShort} ${hotline.name}`}</Text>
      {hotline.name.includes(number) ? null : <Text className='hotline-number'>{number}</Text>}
    </View>
  );
}

/** What to do right now and whom to call, before anything else about the problem. */
export function SafetyNotice({ notice, hotlines, districtCode }: { notice?: string | undefined; hotlines: readonly Hotline[]; districtCode?: string | undefined }) {
  if (!notice && hotlines.length === 0) return null;
  return (
    <View className='safety' {...a11y('region', T.safety.title)}>
      <Text className='safety-title' {...a11y('heading')}>{`⚠️ ${T.safety.title}`}</Text>
      {notice ? <Text className='safety-text' {...a11y('alert')}>{notice}</Text> : null}
      {hotlines.map((h) => (
        <HotlineButton key={h.name} hotline={h} districtCode={districtCode} urgent />
      ))}
    </View>
  );
}
