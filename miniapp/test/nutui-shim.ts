/**
 * Jest stand-in for `@nutui/nutui-react-taro`: in builds babel-plugin-import turns each
 * named import into its own module; here the same per-component modules are re-exported,
 * so tests never load the whole UMD bundle. Add a line when a page uses a new component.
 */
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
