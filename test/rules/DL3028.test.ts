import rule from '../../src/rules/hadolint/DL3028.js';
import { ruleTable } from '../helpers/rule-table.js';

const F = 'FROM ruby:3.3\n';

ruleTable(rule, {
  silent: [
    `${F}RUN gem install rake:13.2.1\n`,
    `${F}RUN gem i rake:13.2.1\n`,
    `${F}RUN gem install rake -v '13.2.1'\n`,
    `${F}RUN gem install rake --version '13.2.1'\n`,
    `${F}RUN gem install rake --version=13.2.1\n`,
    `${F}RUN gem install nokogiri:1.16.4 -- --use-system-libraries true\n`,
    `${F}RUN gem install nokogiri:1.16.4 --use-system-libraries=true\n`,
    `${F}RUN gem install --no-document rails\n`,
    `${F}RUN gem update --system\n`,
  ],
  fires: [
    { input: `${F}RUN gem install rake\n`, line: 2, column: 17, message: /`rake`.*rake:<version>/ },
    { input: `${F}ONBUILD RUN gem install bundler\n`, line: 2 },
    { input: `${F}RUN gem install \\\n    rake:13.2.1 \\\n    rails\n`, line: 4, column: 5 },
    { input: `${F}RUN ["gem", "install", "rake"]\n` },
  ],
});
