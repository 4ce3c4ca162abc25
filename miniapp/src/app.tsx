import type { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  // children is the page being rendered
  return children;
}

export default App;
