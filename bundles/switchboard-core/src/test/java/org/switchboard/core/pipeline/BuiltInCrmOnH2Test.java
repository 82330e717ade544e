package org.switchboard.core.pipeline;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.support.TestStore;

class BuiltInCrmOnH2Test extends BuiltInCrmContract {
    @TempDir
    Path folder;

    @Override
    TestStore store() {
        return TestStore.h2(folder);
    }
}
