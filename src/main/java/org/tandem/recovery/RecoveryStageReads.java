package org.tandem.recovery;

import java.util.Map;
import java.util.UUID;
import org.tandem.recovery.RecoveryStageApi.CurrentStage;

/** What the progress summary reads of recovery stages: each partner's current one. */
public interface RecoveryStageReads {

    Map<UUID, CurrentStage> current(UUID coupleId);
}
