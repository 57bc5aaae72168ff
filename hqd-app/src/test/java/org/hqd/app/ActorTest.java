package org.hqd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ActorTest {
    @Test
    void web_namesTheAccountAndTheRemoteAddress() {
        Actor a = Actor.web("hosp", "10.0.0.7");
        assertThat(a.account()).contains("hosp");
        assertThat(a.client()).isEqualTo("10.0.0.7");
        assertThat(a.channel()).isEqualTo(Channel.WEB);
    }

    @Test
    void commandLineAndDemo_actAsTheOwnerOfTheDataDirectory_withoutAnAccount() {
        assertThat(Actor.commandLine().account()).isEqualTo(Optional.empty());
        assertThat(Actor.commandLine().client()).isEqualTo("命令行");
        assertThat(Actor.demo("demo 财务科").account()).isEqualTo(Optional.empty());
        assertThat(Actor.demo("demo 财务科").client()).isEqualTo("演示");
        assertThat(Actor.demo("demo 财务科").name()).isEqualTo("demo 财务科");
    }
}
