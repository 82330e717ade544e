package org.switchboard.web.testing;

import java.util.Set;

/** A user of the test realm. */
public record TestUser(String name, String password, Set<String> roles) {

    public static final TestUser ALICE = new TestUser("alice", "alice-secret", Set.of("agent"));
    public static final TestUser BOB = new TestUser("bob", "bob-secret", Set.of("agent"));
    public static final TestUser SAM = new TestUser("sam", "sam-secret", Set.of("supervisor"));
    public static final TestUser ADA = new TestUser("ada", "ada-secret", Set.of("admin"));
    public static final TestUser IVY = new TestUser("ivy", "ivy-secret", Set.of("integration"));
    /** Signs in, but has no Switchboard role. */
    public static final TestUser NED = new TestUser("ned", "ned-secret", Set.of("viewer"));

    public static final Set<TestUser> ALL = Set.of(ALICE, BOB, SAM, ADA, IVY, NED);

    public TestUser withPassword(String other) {
        return new TestUser(name, other, roles);
    }
}
