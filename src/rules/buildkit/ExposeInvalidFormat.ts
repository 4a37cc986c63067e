import { defineRule } from '../define.js';
import { exposeItems } from '../lib/expose.js';

export default defineRule({
  id: 'ExposeInvalidFormat',
  severity: 'warning',
  summary: 'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
  origin: 'buildkit',
  category: 'correctness',
  fix: 'safe',
  docs: {
    description:
      'Reports each `EXPOSE` item (after variable expansion) that includes an IP address or a host port: `8080:80`, `127.0.0.1:5432:5432`, `[::1]:8080:8080`. Port ranges (`8000-8010`) and protocols are fine. Docker documents the check at https://docs.docker.com/go/dockerfile/rule/expose-invalid-format/.',
    why: 'EXPOSE only documents which container ports the image listens on; publishing to a host port or binding an address is decided when the container runs (`docker run -p 127.0.0.1:8080:80`). Docker ignores the extra parts today and will reject them in a future release.',
    bad: 'FROM nginx:1.27-alpine\nEXPOSE 8080:80\n',
    good: 'FROM nginx:1.27-alpine\nEXPOSE 80\n',
    differences: 'The fix keeps only the container port (and protocol), which is all that Docker records in the image today.',
  },
  check(ctx) {
    for (const stage of ctx.file.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'EXPOSE') continue;
        const items = exposeItems(ctx.file, instr, ctx.scope(instr));
        for (const item of items) {
          if (item.ip === '' && item.hostPort === '') continue;
          const keep = item.containerPort + (item.proto ? `/${item.proto}` : '');
          const whole = item.literal && items.filter((i) => i.word === item.word).length === 1;
          ctx.report({
            instruction: instr,
            range: item.word.range,
            message: `EXPOSE ${item.text} includes ${item.ip ? 'an IP address' : 'a host port'}: EXPOSE only declares container ports; write 'EXPOSE ${keep}' and publish with 'docker run -p ${item.text.replace(/\/.*$/, '')}'`,
            fix: whole
              ? ctx.edit().replace(item.word.range, keep).safe(`Keep only the container port ${keep}`)
              : undefined,
          });
        }
      }
    }
  },
});
