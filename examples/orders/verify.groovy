// After both invocations (invoker.properties): what the build log must show.
def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + ' (see ' + new File(basedir, 'build.log') + ')') }

// 1. verify on the safe strategy: the JUnit tests ran and passed, the plugin passed
if (!(log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/)) fail('the example\'s two @Rehearse tests did not both run and pass')
if (!(log =~ /Rehearsal (PASS|WARN) \(orders-v3 \/ safe\)/)) fail('the plugin did not pass the safe strategy')
// 2. verify -Pnaive: the build failed with the headline and the next steps
if (!(log =~ /Rehearsal FAIL \(orders-v3 \/ naive\): Statement \d+ .*blockedSessionSeconds = [\d.]+ \(critical/)) fail('the plugin did not fail the naive strategy with its headline')
if (!(log =~ /\[ERROR\] Next steps:/)) fail('the build failure does not give the next steps')
if (!(log =~ /Rehearsal failed \(failOn=critical\)/)) fail('the build failure does not say why')
if (!new File(basedir, 'target/rehearsal/orders-v3/report.html').isFile()) fail('no report.html under target/rehearsal/orders-v3')
return true
