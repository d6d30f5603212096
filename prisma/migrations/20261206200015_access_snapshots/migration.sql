-- CreateTable
CREATE TABLE "AccessSnapshot" (
    "id" UUID NOT NULL,
    "databaseId" UUID NOT NULL,
    "subject" JSONB NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectLabel" TEXT NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rowCount" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,

    CONSTRAINT "AccessSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessSnapshot_databaseId_createdAt_idx" ON "AccessSnapshot"("databaseId", "createdAt");

-- AddForeignKey
ALTER TABLE "AccessSnapshot" ADD CONSTRAINT "AccessSnapshot_databaseId_fkey" FOREIGN KEY ("databaseId") REFERENCES "Database"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessSnapshot" ADD CONSTRAINT "AccessSnapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
