-- AlterTable
ALTER TABLE "User" ADD COLUMN     "legalQualified" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DocumentNumber" (
    "key" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentNumber_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentNumber_unitId_kind_year_value_key" ON "DocumentNumber"("unitId", "kind", "year", "value");

-- CreateTable
CREATE TABLE "CommandKey" (
    "updateId" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommandKey_pkey" PRIMARY KEY ("updateId")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" TEXT NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username","sourceHash")
);

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "engineStatus" TEXT;
