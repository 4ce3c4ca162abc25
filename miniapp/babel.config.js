// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// NutUI v3 ships ES modules under dist/es/packages/<lowercase name>/; import only what is used.
const nutuiPath = (name) => '@nutui/nutui-react-taro/dist/es/packages/' + name.toLowerCase();

module.exports = {
  presets: [
    ['taro', { framework: 'react', ts: true, compiler: 'webpack5' }],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => nutuiPath(name),
        customStyleName: (name) => nutuiPath(name) + '/style/css',
      },
      'nutui-react-taro',
    ],
  ],
};
