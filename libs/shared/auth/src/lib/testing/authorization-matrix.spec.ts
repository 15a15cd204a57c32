import { Controller, Delete, Get, Module, Post, forwardRef, type DynamicModule } from '@nestjs/common';
import { declaredRoutes } from './authorization-matrix';

@Controller('things')
class ThingsController {
  @Get()
  list(): void {
    return undefined;
  }

  @Post(':id/archive')
  archive(): void {
    return undefined;
  }
}

@Controller('widgets')
class WidgetsController {
  @Delete(':id')
  remove(): void {
    return undefined;
  }
}

@Controller()
class RootController {
  @Get('ping')
  ping(): void {
    return undefined;
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetsModule {}

@Module({})
class ThingsModule {
  static async forRootAsync(): Promise<DynamicModule> {
    return { module: ThingsModule, controllers: [ThingsController], imports: [forwardRef(() => WidgetsModule)] };
  }
}

@Module({ imports: [ThingsModule.forRootAsync(), WidgetsModule], controllers: [RootController] })
class RootModule {}

describe('declaredRoutes', () => {
  it('walks imports statically, through dynamic, async and forward-referenced modules, once each', async () => {
    expect(await declaredRoutes(RootModule, 'api')).toEqual([
      'DELETE /api/widgets/:id',
      'GET /api/ping',
      'GET /api/things',
      'POST /api/things/:id/archive',
    ]);
  });
});
