import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { Screen } from '../../components/screen';
import { LoadError, Loading } from '../../components/load-state';
import { api, type DevAccount } from '../../services/api';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { T } from '../../texts';
import { errorText } from '../../hooks/error-text';
import './index.css';

function useLogin() {
  const [busy, setBusy] = useState(false);
  const login = async (getCode: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      await api.login(await getCode());
      platform.toast(T.login.success, 'success');
      platform.reLaunch(PAGES.home);
    } catch (e) {
      platform.toast(e instanceof Error && e.message ? e.message : T.login.wechatFailed);
    } finally {
      setBusy(false);
    }
  };
  return { busy, login };
}

/** In WeChat: one button, wx.login → backend. */
function WechatLogin() {
  const { busy, login } = useLogin();
  return (
    <View>
      <Text className='hint'>{T.login.wechatHint}</Text>
      <Button type='primary' size='xlarge' block className='big-button' loading={busy} onClick={() => void login(() => platform.login())}>
        {T.login.wechatButton}
      </Button>
    </View>
  );
}

/** In H5 (local stack) there is no wx.login: pick a demo account or type a dev-<name> code. */
function DevLogin() {
  const { busy, login } = useLogin();
  const [accounts, setAccounts] = useState<DevAccount[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');

  useEffect(() => {
    let live = true;
    setError(undefined);
    api.call('dev-accounts').then(
      (res) => live && setAccounts(res.accounts),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const loginWithTypedCode = () => {
    const typed = code.trim();
    if (!typed) {
      platform.toast(T.login.devCodeEmpty);
      return;
    }
    void login(async () => typed);
  };

  return (
    <View>
      <Text className='hint'>{T.login.devHint}</Text>
      <Text className='page-title' {...a11y('heading')}>{T.login.devTitle}</Text>
      {error ? <LoadError title={T.login.devLoadFailed} message={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!error && !accounts ? <Loading /> : null}
      <View {...a11y('list')}>
        {(accounts ?? []).map((a) => (
          <View
            key={a.code}
            className='card account'
            {...a11y('button', `${a.name}，${a.roleLabel}`)}
            onClick={() => void login(async () => a.code)}
          >
            <Text className='account-name'>
              {a.name}
              <Text className='account-role'>{a.roleLabel}</Text>
            </Text>
            {a.description ? <Text className='account-desc'>{a.description}</Text> : null}
          </View>
        ))}
      </View>
      <Text className='code-label'>{T.login.devCodeLabel}</Text>
      <Input
        className='code-input'
        value={code}
        placeholder={T.login.devCodePlaceholder}
        ariaLabel={T.login.devCodeLabel}
        onInput={(e) => setCode(e.detail.value)}
        onConfirm={loginWithTypedCode}
      />
      <Button type='primary' size='large' block className='big-button' loading={busy} onClick={loginWithTypedCode}>
        {T.login.devCodeButton}
      </Button>
    </View>
  );
}

export default function LoginPage() {
  return (
    <Screen>
      <Text className='page-title' {...a11y('heading')}>{T.login.title}</Text>
      {platform.name === 'weapp' ? <WechatLogin /> : <DevLogin />}
    </Screen>
  );
}
